package org.beantf.models.train;

/** What a training run reports as it goes (the command line draws a progress bar from it). */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener SILENT = new TrainingListener() {};

  /**
   * Epoch {@code epoch} (from 1) begins; it has {@code steps} steps of up to {@code batch} images.
   */
  default void epochStarted(int epoch, int steps, int batch) {}

  /** A training step ended with these running means over the epoch so far. */
  default void stepFinished(
      int step, double meanCe, double meanReg, double meanAccuracy, double examplesPerSecond) {}

  /** Epoch {@code metrics.epoch()} ended and was checkpointed. */
  default void epochFinished(EpochMetrics metrics) {}

  /** A line worth telling the user (resuming, stopping early). */
  default void note(String line) {}
}
