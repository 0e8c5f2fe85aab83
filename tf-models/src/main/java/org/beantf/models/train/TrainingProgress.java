package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands after each epoch, and early stopping: the best epoch (by validation accuracy,
 * or the last one when there is no validation split), epochs without improvement, and whether to
 * stop. What the checkpoint's state.json records, so that a resumed run stops where an
 * uninterrupted one would.
 */
final class TrainingProgress {
  int epoch;
  int bestEpoch;
  double bestValidation = Double.NEGATIVE_INFINITY;
  double bestTrainLoss = Double.POSITIVE_INFINITY;
  int epochsWithoutImprovement;
  double lastTrainLoss = Double.NaN;
  double previousSeconds;
  boolean stop;
  List<EpochMetrics> history = new ArrayList<>();

  /**
   * Takes the epoch's metrics and decides whether to stop (the epoch cap, or no improvement for
   * patience).
   */
  void update(EpochMetrics metrics, TrainConfig config) {
    epoch = metrics.epoch();
    lastTrainLoss = metrics.trainLoss();
    previousSeconds += metrics.seconds();
    history.add(metrics);
    boolean improved;
    if (metrics.validationAccuracy() != null) {
      improved = metrics.validationAccuracy() > bestValidation;
      if (improved) {
        bestValidation = metrics.validationAccuracy();
        bestEpoch = epoch;
      }
    } else {
      // train-loss convergence (the paper's criterion): at least 0.1% better than the best so far
      improved = metrics.trainLoss() < bestTrainLoss * (1 - 1e-3);
      bestEpoch = epoch;
    }
    bestTrainLoss = Math.min(bestTrainLoss, metrics.trainLoss());
    epochsWithoutImprovement = improved ? 0 : epochsWithoutImprovement + 1;
    stop = shouldStop(config);
  }

  boolean shouldStop(TrainConfig config) {
    return epoch >= config.epochs()
        || (config.untilConverged() && epochsWithoutImprovement >= config.patience());
  }

  JsonNode toJson() {
    ObjectNode state = RunDirectory.JSON.createObjectNode();
    state
        .put("epoch", epoch)
        .put("best_epoch", bestEpoch)
        .put("best_validation_accuracy", bestValidation)
        .put("best_train_loss", bestTrainLoss)
        .put("epochs_without_improvement", epochsWithoutImprovement)
        .put("seconds", previousSeconds);
    return state;
  }

  static TrainingProgress fromJson(JsonNode state, List<EpochMetrics> history) {
    TrainingProgress progress = new TrainingProgress();
    progress.epoch = state.get("epoch").asInt();
    progress.bestEpoch = state.get("best_epoch").asInt();
    progress.bestValidation =
        state.get("best_validation_accuracy").isNull()
            ? Double.NEGATIVE_INFINITY
            : state.get("best_validation_accuracy").asDouble();
    progress.bestTrainLoss = state.get("best_train_loss").asDouble();
    progress.epochsWithoutImprovement = state.get("epochs_without_improvement").asInt();
    progress.previousSeconds = state.get("seconds").asDouble();
    progress.history = new ArrayList<>(history);
    progress.lastTrainLoss =
        history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
    return progress;
  }
}
