package org.beantf.models.prune;

import org.beantf.data.InvalidSettingException;

/**
 * What {@code bean prune} removes and measures, checked before anything is loaded.
 *
 * @param criterion how the connections to remove are chosen
 * @param value τ for {@link Criterion#THRESHOLD}, S for {@link Criterion#SPARSITY}
 * @param fineTuneEpochs epochs of the run's own training, with the removed connections masked,
 *     after pruning (0 for none)
 * @param repetitions how many timed {@code BeanModel.predict} calls each latency is the median of
 */
public record PruneSettings(
    Criterion criterion, double value, int fineTuneEpochs, int repetitions) {
  /** The default τ: the project's sparsity definition (|tanh(γw)| &lt; 0.01, Connectivity). */
  public static final double DEFAULT_THRESHOLD = 0.01;

  /** The default number of timed calls per latency. */
  public static final int DEFAULT_REPETITIONS = 100;

  /** How the connections to remove are chosen. */
  public enum Criterion {
    /** Every connection of a BEAN layer's W with |tanh(γw)| &lt; τ. */
    THRESHOLD,
    /**
     * The fraction S of each BEAN layer's W entries with the smallest |w| (magnitude pruning: the
     * same order as |tanh(γw)|, which is monotone in |w|).
     */
    SPARSITY
  }

  /**
   * @throws InvalidSettingException naming the setting that is out of range
   */
  public PruneSettings {
    if (criterion == Criterion.THRESHOLD && !(value > 0 && value < 1)) {
      throw new InvalidSettingException(
          "threshold", value, "expected a number τ with 0 < τ < 1 (|tanh(γw)| lies in [0, 1))");
    }
    if (criterion == Criterion.SPARSITY && !(value >= 0 && value < 1)) {
      throw new InvalidSettingException(
          "sparsity",
          value,
          "expected a fraction S with 0 <= S < 1 of each BEAN layer's connections to remove");
    }
    if (fineTuneEpochs < 0) {
      throw new InvalidSettingException(
          "fine-tune-epochs", fineTuneEpochs, "expected an integer >= 0");
    }
    if (repetitions < 1) {
      throw new InvalidSettingException("repetitions", repetitions, "expected an integer >= 1");
    }
  }

  /**
   * The settings of the command line: {@code threshold} or {@code sparsity} (null when not given;
   * neither: τ = {@link #DEFAULT_THRESHOLD}).
   *
   * @throws InvalidSettingException if both are given or one is out of range
   */
  public static PruneSettings of(
      Double threshold, Double sparsity, int fineTuneEpochs, int repetitions) {
    if (threshold != null && sparsity != null) {
      throw new InvalidSettingException(
          "sparsity", sparsity, "expected either --threshold or --sparsity, not both");
    }
    return sparsity != null
        ? new PruneSettings(Criterion.SPARSITY, sparsity, fineTuneEpochs, repetitions)
        : new PruneSettings(
            Criterion.THRESHOLD,
            threshold != null ? threshold : DEFAULT_THRESHOLD,
            fineTuneEpochs,
            repetitions);
  }

  /** "|tanh(γw)| < 0.01" or "sparsity 0.9 (magnitude)", for reports. */
  public String describe() {
    return criterion == Criterion.THRESHOLD
        ? "|tanh(γw)| < " + value
        : "the smallest " + value + " of |w| per layer (magnitude)";
  }
}
