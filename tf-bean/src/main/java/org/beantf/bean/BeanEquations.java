package org.beantf.bean;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.family.TFloating;

/**
 * The BEAN equations of the paper (Gao et al., Eq. 1 and 3-7) as TensorFlow graph ops.
 *
 * <p>Notation as in the paper: for a layer with activations {@code h} (S×N: samples × neurons) and
 * outgoing weights {@code w} (N×M, to the next layer), {@code f} is the connectivity, {@code a1}
 * and {@code a2} the first- and second-order correlations (N×N), and the loss of Eq. 1 is L = 1/(S
 * N²) Σ_s Σ_i Σ_j A_ij·d(H_si, H_sj).
 *
 * <p>Eq. 1 has three exact forms. {@link #broadcastLoss} is the literal one; for the squared
 * divergence, Σ_ij A_ij (h_i − h_j)² = 2 Σ_i h_i² r_i − 2 hᵀA h with r = A·1, which {@link
 * #denseLoss} evaluates with A and {@link #lowRankLoss} with a factor G of A = G Gᵀ / c. Both
 * subtract large numbers, so they work on centred activations: d(h_i − c, h_j − c) = d(h_i, h_j),
 * and without centring float32 loses the loss exactly when BEAN succeeds (activations nearly
 * equal).
 *
 * <p>Every method takes {@code Ops tf} first and is generic over the float type: {@code TFloat32}
 * for training, {@code TFloat64} for tests. Weights must not be raw variable outputs: read them
 * through {@code tf.identity}.
 */
public final class BeanEquations {
  private BeanEquations() {}

  /** Eq. 3: F = |tanh(γW)|, the connectivity strength of each outgoing weight, in [0, 1). */
  public static <T extends TFloating> Operand<T> connectivity(Ops tf, Operand<T> w, double gamma) {
    return tf.math.abs(tf.math.tanh(tf.math.mul(scalar(tf, gamma, w), w)));
  }

  /**
   * Eq. 4-5: A¹ = F Fᵀ / M, the first-order correlation (no 1/M under {@link Normalization#NONE}).
   * Symmetric bit for bit: a float32 product sums (i, j) and (j, i) in different orders, so it is
   * averaged with its transpose.
   */
  public static <T extends TFloating> Operand<T> firstOrderCorrelation(
      Ops tf, Operand<T> f, Normalization normalization) {
    Operand<T> ffT = tf.linalg.matMul(f, f, MatMul.transposeB(true));
    Operand<T> symmetric =
        tf.math.add(ffT, tf.linalg.transpose(ffT, tf.constant(new int[] {1, 0})));
    return tf.math.div(symmetric, scalar(tf, 2 * normalization.divisor(1, outgoing(f)), f));
  }

  /**
   * Eq. 6-7: A² = (F Fᵀ) ⊙ (F Fᵀ) / M², the second-order correlation. Since (F Fᵀ/M) ⊙ (F Fᵀ/M) is
   * the same matrix, A² = A¹ ⊙ A¹ under either normalisation.
   */
  public static <T extends TFloating> Operand<T> secondOrderCorrelation(
      Ops tf, Operand<T> f, Normalization normalization) {
    Operand<T> a1 = firstOrderCorrelation(tf, f, normalization);
    return tf.math.mul(a1, a1);
  }

  /** A¹ or A², by {@code order} (1 or 2). */
  public static <T extends TFloating> Operand<T> correlation(
      Ops tf, Operand<T> f, int order, Normalization normalization) {
    return order == 1
        ? firstOrderCorrelation(tf, f, normalization)
        : secondOrderCorrelation(tf, f, normalization);
  }

  /**
   * Eq. 1 literally, over the S×N×N tensor of divergences D_sij = d(H_si, H_sj), {@code chunks} row
   * blocks of {@code chunkRows} samples at a time (the last block takes every remaining sample).
   * Each block starts only after the previous block's sum (a control dependency), so in the forward
   * pass at most one block's S·N² tensor is alive at once. The only form for the absolute
   * divergence.
   */
  public static <T extends TFloating> Operand<T> broadcastLoss(
      Ops tf, Operand<T> a, Operand<T> h, Divergence divergence, long chunkRows, int chunks) {
    Operand<T> sum = null;
    for (int chunk = 0; chunk < chunks; chunk++) {
      Ops scope = sum == null ? tf : tf.withControlDependencies(List.<Op>of(sum));
      long start = chunk * chunkRows;
      Operand<T> block =
          scope.stridedSlice(
              h,
              chunk == chunks - 1
                  ? Indices.sliceFrom(start)
                  : Indices.slice(start, start + chunkRows),
              Indices.all());
      Operand<T> differences =
          tf.math.sub(tf.expandDims(block, tf.constant(2)), tf.expandDims(block, tf.constant(1)));
      Operand<T> d =
          divergence == Divergence.SQUARED ? tf.math.square(differences) : tf.math.abs(differences);
      Operand<T> blockSum = tf.reduceSum(tf.math.mul(d, a), tf.constant(new int[] {0, 1, 2}));
      sum = sum == null ? blockSum : tf.math.add(sum, blockSum);
    }
    Operand<T> samples =
        tf.stopGradient(tf.dtypes.cast(tf.stridedSlice(tf.shape(h), Indices.at(0)), h.type()));
    return tf.math.div(sum, tf.math.mul(samples, scalar(tf, square(neurons(h)), h)));
  }

  /**
   * Eq. 1 for the squared divergence with the N×N matrix A: per sample 2 Σ_i h_i² r_i − 2 hᵀA h
   * with r = A·1, on centred activations. Cost N²·S after A is built.
   */
  public static <T extends TFloating> Operand<T> denseLoss(Ops tf, Operand<T> a, Operand<T> h) {
    Operand<T> hc = centred(tf, h);
    Operand<T> r = tf.reduceSum(a, tf.constant(0), ReduceSum.keepDims(true));
    Operand<T> minusHAh =
        tf.math.neg(
            tf.reduceSum(
                tf.math.mul(tf.linalg.matMul(hc, a), hc),
                tf.constant(1),
                ReduceSum.keepDims(true)));
    return squaredLoss(tf, hc, r, minusHAh, 1);
  }

  /**
   * Eq. 1 for the squared divergence with A = G Gᵀ / c given by a factor G (N×K) and a scale c: per
   * sample 2 Σ_i h_i² r_i − 2 ‖Gᵀh‖² / c with r = G (Gᵀ 1) / c, on centred activations. Cost S·N·K.
   *
   * <p>Built from products only (the sum over K is a product with a column of −1s): at small N and
   * K the loss costs its ops and its passes over H, not its multiply-adds, and products keep the
   * gradient free of shape arithmetic.
   *
   * @see #correlationFactor
   */
  public static <T extends TFloating> Operand<T> lowRankLoss(
      Ops tf, Operand<T> g, double c, Operand<T> h) {
    Operand<T> hc = centred(tf, h);
    Operand<T> rTimesC =
        tf.linalg.matMul(
            tf.reduceSum(g, tf.constant(0), ReduceSum.keepDims(true)), g, MatMul.transposeB(true));
    Operand<T> gTh = tf.linalg.matMul(hc, g);
    Operand<T> minusGThSquaredNorm =
        tf.linalg.matMul(tf.math.square(gTh), filled(tf, outgoing(g), 1, -1, h));
    return squaredLoss(tf, hc, rTimesC, minusGThSquaredNorm, c);
  }

  /**
   * A factor G with A = G Gᵀ / c: for order 1, G = F (rank ≤ M); for order 2, G = K, the row-wise
   * Khatri-Rao square of F restricted to the M(M+1)/2 column pairs k ≤ m, with the off-diagonal
   * pairs scaled by √2, so that (K Kᵀ)_ij = Σ_k,m F_ik F_jk F_im F_jm = (F Fᵀ)_ij².
   */
  public static <T extends TFloating> Operand<T> correlationFactor(
      Ops tf, Operand<T> f, int order) {
    if (order == 1) {
      return f;
    }
    int m = (int) outgoing(f);
    KhatriRaoSelection selection = KhatriRaoSelection.of(m);
    Operand<T> left =
        tf.linalg.matMul(f, tf.dtypes.cast(tf.constant(selection.leftSelection(m)), f.type()));
    Operand<T> right =
        tf.linalg.matMul(f, tf.dtypes.cast(tf.constant(selection.rightSelection(m)), f.type()));
    return tf.math.mul(left, right);
  }

  /**
   * H − the mean of each row: the loss is unchanged, and the dense and low-rank forms keep their
   * precision. The mean is a constant to the gradient: L(h − c·1) = L(h) for every c, so its exact
   * gradient through c is zero, and cutting it saves the S×N tensors of its backward pass. The
   * means are tiled across the row and added with an AddN, which measured faster here than a
   * subtraction that broadcasts a column.
   */
  public static <T extends TFloating> Operand<T> centred(Ops tf, Operand<T> h) {
    Operand<T> minusRowMeans = tf.math.neg(tf.math.mean(h, tf.constant(1), Mean.keepDims(true)));
    Operand<T> shift =
        tf.stopGradient(tf.tile(minusRowMeans, tf.constant(new long[] {1, neurons(h)})));
    return tf.math.addN(List.of(h, shift));
  }

  /**
   * L = mean over samples of 2 (Σ_i h_i² r_i − hᵀA h) / N², from c·r as a row [1,N] and −c·hᵀA h as
   * a column [S,1]. Σ_i h_i² r_i is a product (S×N · N×1); the two columns of the same shape meet
   * in an AddN, whose gradient is free of the shape arithmetic that a broadcasting subtraction
   * brings.
   */
  private static <T extends TFloating> Operand<T> squaredLoss(
      Ops tf, Operand<T> hc, Operand<T> rTimesC, Operand<T> minusHAhTimesC, double c) {
    Operand<T> hSquaredR = tf.linalg.matMul(tf.math.square(hc), rTimesC, MatMul.transposeB(true));
    Operand<T> perSample = tf.math.addN(List.of(hSquaredR, minusHAhTimesC));
    Operand<T> mean = tf.math.mean(perSample, tf.constant(new int[] {0, 1}));
    return tf.math.mul(mean, scalar(tf, 2 / (c * square(neurons(hc))), hc));
  }

  /** A rows×columns constant of {@code value}, of the type of {@code like}. */
  private static <T extends TFloating> Operand<T> filled(
      Ops tf, long rows, long columns, double value, Operand<T> like) {
    return tf.dtypes.cast(
        tf.fill(tf.constant(new long[] {rows, columns}), tf.constant(value)), like.type());
  }

  private static long neurons(Operand<?> h) {
    long n = h.shape().get(1);
    if (n < 0) {
      throw new IllegalArgumentException(
          "the activations' neuron dimension must be known, got " + h.shape());
    }
    return n;
  }

  private static long outgoing(Operand<?> f) {
    if (f.shape().numDimensions() != 2 || f.shape().get(1) < 0) {
      throw new IllegalArgumentException(
          "the outgoing weights must be N×M with a known M, got " + f.shape());
    }
    return f.shape().get(1);
  }

  private static double square(long n) {
    return (double) n * n;
  }

  private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Operand<T> like) {
    return tf.dtypes.cast(tf.constant(value), like.type());
  }
}
