package org.beantf.models.train;

/**
 * Default strengths of the regularizers, per model and BEAN order, under the paper's normalisation.
 *
 * <p>Provisional until the sweep of docs/RESULTS.md picks, per (model, order), the largest α whose mean MNIST test
 * accuracy stays within 0.5 point of vanilla.
 */
public final class Defaults {
  public static final double LEARNING_RATE = 5e-4;
  public static final int BATCH = 100;
  public static final double GAMMA = 1.0;
  public static final double DROPOUT = 0.5;
  public static final double L2 = 1e-4;
  public static final double L1 = 1e-5;

  private Defaults() {}

  /** The default α of BEAN-{@code order} for {@code model}. */
  public static double alpha(String model, int order) {
    return order == 1 ? 10 : 100;
  }
}
