package org.beantf.bean;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * BEAN regularization: adds α·Σ_l L_l (Eq. 1) over a model's BEAN layers to the training loss.
 *
 * @param order 1 (BEAN-1, A¹) or 2 (BEAN-2, A²)
 * @param divergence d of Eq. 1
 * @param gamma γ of Eq. 3, the curvature of the connectivity
 * @param alpha α, the weight of the regularizer in the training loss
 * @param form which exact form of Eq. 1 to build
 * @param normalization the paper's 1/M, 1/M², or none (the authors' code)
 * @param batchSize the configured batch size S: it drives {@link LossForm#AUTO} and the broadcast
 *     form's chunks (the graph's batch dimension is dynamic)
 */
public record BeanRegularizer(
    int order,
    Divergence divergence,
    double gamma,
    double alpha,
    LossForm form,
    Normalization normalization,
    int batchSize) {
  /**
   * The broadcast form keeps each block of the S×N×N tensor under this many bytes (when S fits the
   * config).
   */
  static final long BROADCAST_BLOCK_BYTES = 32L << 20;

  public BeanRegularizer {
    if (order != 1 && order != 2) {
      throw new IllegalArgumentException("BEAN order " + order + " (expected 1 or 2)");
    }
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma " + gamma + " (expected a finite number > 0)");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha " + alpha + " (expected a finite number ≥ 0)");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size " + batchSize + " (expected ≥ 1)");
    }
    if (divergence == Divergence.ABSOLUTE && (form == LossForm.DENSE || form == LossForm.LOWRANK)) {
      throw new IllegalArgumentException(
          "form "
              + form.cliName()
              + " exists only for the squared divergence (expected auto or broadcast with absolute)");
    }
  }

  /**
   * BEAN-{@code order} at strength {@code alpha} with the paper's defaults: squared, γ = 1, auto,
   * paper, S = 100.
   */
  public static BeanRegularizer of(int order, double alpha) {
    return new BeanRegularizer(
        order, Divergence.SQUARED, 1.0, alpha, LossForm.AUTO, Normalization.PAPER, 100);
  }

  public BeanRegularizer withDivergence(Divergence value) {
    return new BeanRegularizer(order, value, gamma, alpha, form, normalization, batchSize);
  }

  public BeanRegularizer withGamma(double value) {
    return new BeanRegularizer(order, divergence, value, alpha, form, normalization, batchSize);
  }

  public BeanRegularizer withForm(LossForm value) {
    return new BeanRegularizer(order, divergence, gamma, alpha, value, normalization, batchSize);
  }

  public BeanRegularizer withNormalization(Normalization value) {
    return new BeanRegularizer(order, divergence, gamma, alpha, form, value, batchSize);
  }

  public BeanRegularizer withBatchSize(int value) {
    return new BeanRegularizer(order, divergence, gamma, alpha, form, normalization, value);
  }

  /** The form this regularizer builds for a layer of N neurons with M outgoing ones. */
  public LossForm formFor(long n, long m) {
    return form == LossForm.AUTO ? LossForm.cheapest(divergence, order, n, m, batchSize) : form;
  }

  /** α·Σ_l L_l over {@code layers}: what the trainer adds to the cross-entropy. */
  public <T extends TFloating> Operand<T> penalty(Ops tf, List<BeanLayer<T>> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("BEAN needs at least one layer");
    }
    Operand<T> sum = null;
    for (BeanLayer<T> layer : layers) {
      Operand<T> loss =
          loss(
              tf.withSubScope("bean_" + layer.name()),
              layer.activations(),
              layer.outgoingWeights());
      sum = sum == null ? loss : tf.math.add(sum, loss);
    }
    return tf.math.mul(tf.dtypes.cast(tf.constant(alpha), sum.type()), sum);
  }

  /**
   * L of Eq. 1 (without α) for activations {@code h} [S,N] and outgoing weights {@code w} [N,M].
   */
  public <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> h, Operand<T> w) {
    Operand<T> f = BeanEquations.connectivity(tf, tf.identity(w), gamma);
    long n = w.shape().get(0);
    long m = w.shape().get(1);
    return switch (formFor(n, m)) {
      case BROADCAST -> {
        long bytesPerRow = n * n * (h.type() == TFloat64.class ? 8 : 4);
        long chunkRows = Math.max(1, BROADCAST_BLOCK_BYTES / bytesPerRow);
        int chunks = (int) Math.max(1, (batchSize + chunkRows - 1) / chunkRows);
        yield BeanEquations.broadcastLoss(
            tf,
            BeanEquations.correlation(tf, f, order, normalization),
            h,
            divergence,
            chunkRows,
            chunks);
      }
      case DENSE ->
          BeanEquations.denseLoss(tf, BeanEquations.correlation(tf, f, order, normalization), h);
      case LOWRANK ->
          BeanEquations.lowRankLoss(
              tf,
              BeanEquations.correlationFactor(tf, f, order),
              normalization.divisor(order, m),
              h);
      case AUTO -> throw new IllegalStateException("formFor never returns AUTO");
    };
  }
}
