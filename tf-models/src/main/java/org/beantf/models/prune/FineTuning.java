package org.beantf.models.prune;

import java.util.List;
import java.util.function.Consumer;
import org.beantf.data.Dataset;
import org.beantf.data.sampling.Batches;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingDivergedException;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingSession;

/**
 * More epochs of a run's own training (its regularizers, learning rate, batch size, Adam moments
 * and step counter from the checkpoint) on a session opened with the pruned connections masked
 * ({@link TrainingSession#open(TrainConfig, java.util.Map)}): the removed connections stay exactly
 * zero. Epoch e after the checkpoint's epoch k is shuffled as the run's epoch k + e would have
 * been, from the run's seed.
 */
final class FineTuning {
  private FineTuning() {}

  /**
   * Trains {@code epochs} epochs after the checkpoint's {@code keptEpoch}.
   *
   * @param progress gets one line per epoch
   * @throws TrainingDivergedException if the loss becomes NaN or infinite
   */
  static void run(
      TrainingSession session,
      TrainConfig config,
      Dataset data,
      int keptEpoch,
      int epochs,
      Consumer<String> progress) {
    int[] indices = new Trainer(config, TrainingListener.SILENT).trainingIndices(data.train());
    try (BatchFeeder feeder = new BatchFeeder(data.train(), config.batch())) {
      for (int e = 1; e <= epochs; e++) {
        List<int[]> batches =
            Batches.epoch(indices, config.batch(), config.seed(), keptEpoch + e, false);
        double loss = 0;
        int seen = 0;
        for (int b = 0; b < batches.size(); b++) {
          int[] batch = batches.get(b);
          TrainingSession.StepResult step = session.step(feeder.feed(batch));
          double total = step.crossEntropy() + step.regularization();
          if (!Double.isFinite(total)) {
            throw new TrainingDivergedException(
                "fine-tuning epoch "
                    + e
                    + ", batch "
                    + (b + 1)
                    + ": the loss is not finite ("
                    + total
                    + ")");
          }
          loss += total * batch.length;
          seen += batch.length;
        }
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "fine-tuning epoch %d/%d: training loss %.4f",
                e,
                epochs,
                loss / seen));
      }
    }
  }
}
