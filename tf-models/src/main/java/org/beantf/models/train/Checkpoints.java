package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A run's checkpoints: the last epoch's ({@code checkpoint/}, what {@code --resume} continues from)
 * and, with a validation split, the best epoch's ({@code checkpoint-best/}, what the run keeps).
 * Each is swapped in whole after an epoch, with the progress that lets a resumed run continue
 * exactly.
 */
final class Checkpoints {
  private final RunDirectory run;
  private final boolean keepsBest;

  /**
   * @param keepsBest whether the run has a validation split, whose best epoch is kept
   */
  Checkpoints(RunDirectory run, boolean keepsBest) {
    this.run = run;
    this.keepsBest = keepsBest;
  }

  /** Restores the last checkpoint into {@code session}: where a killed run stopped. */
  TrainingProgress restore(TrainingSession session) {
    JsonNode state = run.checkpointState(run.checkpoint());
    session.restore(run.checkpoint().resolve("variables").toString());
    return TrainingProgress.fromJson(state, run.truncateMetrics(state.get("epoch").asInt()));
  }

  /** Saves the epoch just trained, and as the best epoch when it is. */
  void epochEnded(TrainingSession session, TrainingProgress progress) {
    JsonNode state = progress.toJson();
    run.swapCheckpoint(run.checkpoint(), session::save, state);
    if (keepsBest && progress.bestEpoch == progress.epoch) {
      run.swapCheckpoint(run.bestCheckpoint(), session::save, state);
    }
  }

  /** Restores the best epoch's weights, when the run keeps one. */
  void keepBest(TrainingSession session) {
    if (keepsBest) {
      session.restore(run.bestCheckpoint().resolve("variables").toString());
    }
  }
}
