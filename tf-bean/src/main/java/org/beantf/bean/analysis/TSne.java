package org.beantf.bean.analysis;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;

/**
 * Exact t-SNE (van der Maaten &amp; Hinton 2008) to two dimensions, with which the paper draws
 * neurons in their weight space (Section 3.1, Figures 2-4). It minimises KL(P ‖ Q) with P_ij =
 * (P_{j|i} + P_{i|j}) / 2N (Gaussian conditionals calibrated to a perplexity) and Q_ij = (1 + ‖y_i
 * − y_j‖²)⁻¹ / Σ_{k≠l} (1 + ‖y_k − y_l‖²)⁻¹ (Student t, one degree of freedom), by gradient descent
 * on ∂C/∂y_i = 4 Σ_j (P_ij − Q_ij)(y_i − y_j)(1 + ‖y_i − y_j‖²)⁻¹.
 *
 * <p>By default, as in the 2008 paper: y ~ N(0, 10⁻⁴ I) from a {@link Well19937c} seeded with the
 * seed; momentum 0.5 for the first 250 iterations, then 0.8; adaptive gains after Jacobs (1988),
 * with the constants of the authors' tsne.m (+0.2 when the gradient changes sign against the step,
 * ×0.8 otherwise, at least 0.01). As in the later reference implementations (bhtsne, scikit-learn):
 * P exaggerated ×12 for the first 250 iterations; the embedding re-centred after each step; by
 * default the learning rate max(N / 12 / 4, 50) (scikit-learn's "auto", defined for this gradient
 * with its factor 4). At N = 500 that is 50, and it ended 1000 iterations at a lower KL than the
 * older default 200 on both structured and unstructured 500×10 matrices. Same seed and input, same
 * output.
 *
 * <p>Cost O(N²) memory (the distance and P matrices) and O(N²) time per iteration on one thread.
 */
public final class TSne {

  public static final double DEFAULT_PERPLEXITY = 30;
  public static final int DEFAULT_ITERATIONS = 1000;

  /** The early exaggeration of P, and for how many of the first iterations it lasts. */
  public static final double DEFAULT_EXAGGERATION = 12;

  public static final int DEFAULT_EXAGGERATION_ITERATIONS = 250;

  private static final int MOMENTUM_SWITCH = 250;
  private static final double INITIAL_MOMENTUM = 0.5;
  private static final double FINAL_MOMENTUM = 0.8;
  private static final double GAIN_STEP = 0.2;
  private static final double GAIN_DECAY = 0.8;
  private static final double MIN_GAIN = 0.01;
  public static final double DEFAULT_INITIAL_SD = 1e-2;

  private final double perplexity;
  private final int iterations;
  private final double exaggeration;
  private final int exaggerationIterations;
  private final double initialSd;

  /** The fixed learning rate, or 0 for the automatic one (see {@link #learningRate(int)}). */
  private final double learningRate;

  private final long seed;

  private TSne(Builder builder) {
    this.perplexity = builder.perplexity;
    this.iterations = builder.iterations;
    this.exaggeration = builder.exaggeration;
    this.exaggerationIterations = builder.exaggerationIterations;
    this.initialSd = builder.initialSd;
    this.learningRate = builder.learningRate;
    this.seed = builder.seed;
  }

  /**
   * Perplexity {@value #DEFAULT_PERPLEXITY}, {@value #DEFAULT_ITERATIONS} iterations, the automatic
   * learning rate, seed 0.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The perplexity used for {@code n} points: min(perplexity, (N − 1) / 3), but at least 1. A point
   * has N − 1 neighbours, so perplexity must stay below N; the margin 3·perplexity ≤ N − 1 is the
   * one of the Barnes-Hut reference implementation (bhtsne), which keeps 3·perplexity neighbours
   * per point.
   */
  static double effectivePerplexity(double perplexity, int n) {
    return Math.max(1, Math.min(perplexity, (n - 1) / 3.0));
  }

  /** The learning rate for {@code n} points: the one set, or else max(N / 12 / 4, 50). */
  double learningRate(int n) {
    return learningRate > 0 ? learningRate : Math.max(n / DEFAULT_EXAGGERATION / 4, 50);
  }

  /**
   * The 2-D embedding of the rows of {@code points}.
   *
   * @return N×2
   * @throws IllegalArgumentException if points has fewer than 2 rows, or is ragged or not finite
   */
  public double[][] embed(double[][] points) {
    InputChecks.requirePoints(points, "points");
    int n = points.length;
    if (n < 2) {
      throw new IllegalArgumentException("points has 1 row; expected at least 2 to embed");
    }
    double[] conditional =
        PerplexityCalibration.conditionalProbabilities(
            PairwiseDistances.squared(points), n, effectivePerplexity(perplexity, n));
    double[] y = optimise(jointProbabilities(conditional, n), n);
    double[][] embedding = new double[n][2];
    for (int i = 0; i < n; i++) {
      embedding[i][0] = y[2 * i];
      embedding[i][1] = y[2 * i + 1];
    }
    return embedding;
  }

  /**
   * P_ij = (P_{j|i} + P_{i|j}) / 2N for i &lt; j, packed row by row as the gradient loop visits the
   * pairs.
   */
  private static double[] jointProbabilities(double[] conditional, int n) {
    double[] joint = new double[n * (n - 1) / 2];
    int pair = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        joint[pair++] = (conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n);
      }
    }
    return joint;
  }

  /** Gradient descent on y (x and y coordinates interleaved), allocating nothing per iteration. */
  private double[] optimise(double[] joint, int n) {
    Well19937c random = new Well19937c(seed);
    double[] y = new double[2 * n];
    for (int c = 0; c < y.length; c++) {
      y[c] = initialSd * random.nextGaussian();
    }
    double[] step = new double[2 * n];
    double[] gains = new double[2 * n];
    Arrays.fill(gains, 1);
    double[] gradient = new double[2 * n];
    double[] forces = new double[4 * n];
    double rate = learningRate(n);
    for (int iteration = 0; iteration < iterations; iteration++) {
      double momentum = iteration < MOMENTUM_SWITCH ? INITIAL_MOMENTUM : FINAL_MOMENTUM;
      gradient(joint, y, iteration < exaggerationIterations ? exaggeration : 1, forces, gradient);
      double meanX = 0;
      double meanY = 0;
      for (int c = 0; c < y.length; c++) {
        gains[c] =
            (gradient[c] > 0) != (step[c] > 0)
                ? gains[c] + GAIN_STEP
                : Math.max(gains[c] * GAIN_DECAY, MIN_GAIN);
        step[c] = momentum * step[c] - rate * gains[c] * gradient[c];
        y[c] += step[c];
        if (c % 2 == 0) {
          meanX += y[c];
        } else {
          meanY += y[c];
        }
      }
      meanX /= n;
      meanY /= n;
      for (int i = 0; i < n; i++) {
        y[2 * i] -= meanX;
        y[2 * i + 1] -= meanY;
      }
    }
    return y;
  }

  /**
   * Writes ∂C/∂y = 4 Σ_j (exaggeration · P_ij − Q_ij)(y_i − y_j) num_ij into {@code gradient}, with
   * num_ij = (1 + ‖y_i − y_j‖²)⁻¹ and Q_ij = num_ij / Z, Z = Σ_{k≠l} num_kl.
   *
   * @param joint P_ij for i &lt; j, packed row by row
   * @param y N points, coordinates interleaved (x_0, y_0, x_1, …)
   * @param forces scratch of 4N values, overwritten
   */
  static void gradient(
      double[] joint, double[] y, double exaggeration, double[] forces, double[] gradient) {
    int n = y.length / 2;
    // Per point: attraction Σ_j P_ij·num_ij·(y_i − y_j) (2 values), then repulsion Σ_j num_ij²·(y_i
    // − y_j)
    // (2 values). Q_ij needs Z, the sum over all pairs, so the repulsion is divided by Z afterwards
    // and one pass
    // over the pairs (each visited once, i < j) suffices.
    Arrays.fill(forces, 0);
    double z = 0;
    int pair = 0;
    for (int i = 0; i < n; i++) {
      double xi = y[2 * i];
      double yi = y[2 * i + 1];
      double attractX = 0;
      double attractY = 0;
      double repelX = 0;
      double repelY = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = xi - y[2 * j];
        double dy = yi - y[2 * j + 1];
        double num = 1 / (1 + dx * dx + dy * dy);
        z += num;
        double attraction = joint[pair++] * num;
        double repulsion = num * num;
        attractX += attraction * dx;
        attractY += attraction * dy;
        repelX += repulsion * dx;
        repelY += repulsion * dy;
        int f = 4 * j;
        forces[f] -= attraction * dx;
        forces[f + 1] -= attraction * dy;
        forces[f + 2] -= repulsion * dx;
        forces[f + 3] -= repulsion * dy;
      }
      int f = 4 * i;
      forces[f] += attractX;
      forces[f + 1] += attractY;
      forces[f + 2] += repelX;
      forces[f + 3] += repelY;
    }
    z *= 2;
    for (int i = 0; i < n; i++) {
      for (int axis = 0; axis < 2; axis++) {
        int f = 4 * i + axis;
        gradient[2 * i + axis] = 4 * (exaggeration * forces[f] - forces[f + 2] / z);
      }
    }
  }

  /** Options of {@link TSne}; every setter checks its argument at once. */
  public static final class Builder {
    private double perplexity = DEFAULT_PERPLEXITY;
    private int iterations = DEFAULT_ITERATIONS;
    private double learningRate;
    private double exaggeration = DEFAULT_EXAGGERATION;
    private int exaggerationIterations = DEFAULT_EXAGGERATION_ITERATIONS;
    private double initialSd = DEFAULT_INITIAL_SD;
    private long seed;

    private Builder() {}

    /**
     * The target perplexity, at least 1; for N points, min(perplexity, (N − 1) / 3) is used (at
     * least 1).
     */
    public Builder perplexity(double perplexity) {
      if (!(perplexity >= 1) || Double.isInfinite(perplexity)) {
        throw new IllegalArgumentException(
            "perplexity = " + perplexity + "; expected a finite value of at least 1");
      }
      this.perplexity = perplexity;
      return this;
    }

    public Builder iterations(int iterations) {
      InputChecks.requirePositive(iterations, "iterations");
      this.iterations = iterations;
      return this;
    }

    /** A fixed learning rate instead of the automatic max(N / 12 / 4, 50). */
    public Builder learningRate(double learningRate) {
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException(
            "learningRate = " + learningRate + "; expected a positive finite value");
      }
      this.learningRate = learningRate;
      return this;
    }

    /**
     * P multiplied by {@code factor} (at least 1) for the first {@code iterations} iterations
     * (default ×{@value #DEFAULT_EXAGGERATION} for {@value #DEFAULT_EXAGGERATION_ITERATIONS}).
     */
    public Builder exaggeration(double factor, int iterations) {
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException(
            "exaggeration = " + factor + "; expected a finite value of at least 1");
      }
      if (iterations < 0) {
        throw new IllegalArgumentException(
            "exaggeration iterations = " + iterations + "; expected at least 0");
      }
      this.exaggeration = factor;
      this.exaggerationIterations = iterations;
      return this;
    }

    /**
     * The standard deviation of the random initial embedding, y ~ N(0, sd² I) (default {@value
     * #DEFAULT_INITIAL_SD}).
     */
    public Builder initialSd(double sd) {
      if (!(sd > 0) || Double.isInfinite(sd)) {
        throw new IllegalArgumentException(
            "initial sd = " + sd + "; expected a positive finite value");
      }
      this.initialSd = sd;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public TSne build() {
      return new TSne(this);
    }
  }
}
