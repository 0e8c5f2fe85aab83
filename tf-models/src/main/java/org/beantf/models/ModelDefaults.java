package org.beantf.models;

/**
 * A model's default training settings under the paper's normalisation: the Adam learning rate and
 * each regularizer's strength. Where they come from is stated per model in {@link ModelKind}:
 * mostly the strongest setting whose mean MNIST test accuracy (5 epochs, seeds 1 and 2) stays
 * within 0.5 point of vanilla's (docs/RESULTS.md "Default strengths", scripts/sweep-defaults.sh),
 * with the exceptions given there.
 *
 * @param learningRate Adam's learning rate
 * @param alphaBean1 α of BEAN-1
 * @param alphaBean2 α of BEAN-2
 * @param weightDecay λ of the weight decay (λ/2)·Σ‖W‖²
 * @param l1 λ of the ℓ1 penalty λ·Σ|w|
 */
public record ModelDefaults(
    double learningRate, double alphaBean1, double alphaBean2, double weightDecay, double l1) {
  /** The batch size of every model, the paper's. */
  public static final int BATCH = 100;

  /** The units of the MLP's hidden layer: the paper's MLP-500. */
  public static final int HIDDEN = 500;

  /** γ of f(W) = |tanh(γW)|, the paper's. */
  public static final double GAMMA = 1.0;

  /** The dropout rate, the paper's baseline. */
  public static final double DROPOUT = 0.5;

  /** α of BEAN-{@code order} (1 or 2). */
  public double alpha(int order) {
    return order == 1 ? alphaBean1 : alphaBean2;
  }
}
