package org.beantf.benchmarks;

import org.beantf.data.DatasetId;
import org.beantf.models.ModelKind;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.TrainingSession;

/**
 * One model's training session with {@code reg}, initialised with one TensorFlow thread, stepped as
 * the trainer steps it (forward, regularizers, gradients, Adam; the losses and the correct count
 * fetched). Owns its session.
 */
final class BenchmarkStep implements AutoCloseable {
  static final int BATCH = 100;

  private final TrainingSession session;

  BenchmarkStep(String model, DatasetId dataset, String reg) {
    TrainConfig config =
        TrainConfig.builder(ModelKind.parse(model), dataset)
            .regularizers(reg)
            .batch(BATCH)
            .threads(1)
            .build();
    session = TrainingSession.open(config);
    session.initialise();
  }

  /** One training step on {@code fed}; returns the batch's cross-entropy. */
  float run(BatchFeeder.Fed fed) {
    return (float) session.step(fed).crossEntropy();
  }

  @Override
  public void close() {
    session.close();
  }
}
