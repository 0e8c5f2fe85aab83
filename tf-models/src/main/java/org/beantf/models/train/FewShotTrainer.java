package org.beantf.models.train;

import java.util.Collections;
import java.util.List;
import org.beantf.data.Dataset;
import org.beantf.data.ImageSet;
import org.beantf.data.sampling.Batches;

/**
 * Trains a model from scratch on a few labelled images, evaluates it on a validation set every
 * period, and keeps the weights of the best period (in shadow variables inside the graph, so
 * keeping them costs no host copy). The kept weights are then evaluated once on the whole test set.
 * Nothing is written to disk: a few-shot run is short and is repeated rather than resumed.
 */
public final class FewShotTrainer {
  private final TrainConfig config;

  /**
   * {@code config} fixes the model, the regularizers, learning rate, threads and the seed of
   * initialisation and dropout.
   */
  public FewShotTrainer(TrainConfig config) {
    this.config = config;
  }

  /**
   * How training proceeds: periods of steps, each followed by a validation. Build it with {@link
   * #fullBatch} or {@link #epochs}.
   *
   * @param batch images per step; 0 for all shots in one batch
   * @param stepsPerPeriod full-batch steps between validations; 0 for periods of one epoch
   * @param periods how many periods to train
   */
  public record Schedule(int batch, int stepsPerPeriod, int periods) {
    public Schedule {
      if (batch < 0 || stepsPerPeriod < 0 || periods < 1 || (batch == 0) == (stepsPerPeriod == 0)) {
        throw new IllegalArgumentException(
            "batch "
                + batch
                + " and steps per period "
                + stepsPerPeriod
                + " (exactly one of them 0), periods "
                + periods
                + " (>= 1)");
      }
    }

    /**
     * Every shot in every step, validated every {@code stepsPerValidation} steps, {@code
     * validations} times.
     */
    public static Schedule fullBatch(int stepsPerValidation, int validations) {
      return new Schedule(0, stepsPerValidation, validations);
    }

    /**
     * {@code epochs} epochs of batches of {@code batch} shots in a seeded order, validated after
     * each epoch.
     */
    public static Schedule epochs(int batch, int epochs) {
      return new Schedule(batch, 0, epochs);
    }
  }

  /**
   * What a few-shot run measured.
   *
   * @param validationAccuracy the best validation accuracy, that of the kept weights
   * @param testAccuracy the kept weights' accuracy on the whole test set
   * @param keptStep the training steps behind the kept weights
   */
  public record Outcome(double validationAccuracy, double testAccuracy, int keptStep) {}

  /**
   * Trains on {@code shots} of {@code dataset}'s training images, validating on {@code validation}
   * of them.
   */
  public Outcome train(Dataset dataset, int[] shots, int[] validation, Schedule schedule) {
    if (shots.length == 0 || validation.length == 0) {
      throw new IllegalArgumentException(
          "shots ("
              + shots.length
              + ") and validation ("
              + validation.length
              + ") must not be empty");
    }
    ImageSet train = dataset.train();
    int batch = schedule.batch() == 0 ? shots.length : schedule.batch();
    try (TrainingSession session = TrainingSession.open(config, true);
        BatchFeeder trainFeeder = new BatchFeeder(train, batch);
        ValidationImages validationImages = new ValidationImages(train, validation)) {
      session.initialise();
      double bestAccuracy = Double.NEGATIVE_INFINITY;
      int keptStep = 0;
      int step = 0;
      for (int period = 1; period <= schedule.periods(); period++) {
        for (int[] indices : periodBatches(shots, schedule, period)) {
          session.stepOnly(trainFeeder.feed(indices));
          step++;
        }
        double accuracy = validationImages.accuracy(session);
        // strictly better: the earliest of equally good periods is kept
        if (accuracy > bestAccuracy) {
          bestAccuracy = accuracy;
          keptStep = step;
          session.saveSnapshot();
        }
      }
      session.restoreSnapshot();
      return new Outcome(bestAccuracy, session.evaluate(dataset.test()).overall(), keptStep);
    }
  }

  /**
   * The batches of one period: the shots {@code stepsPerPeriod} times, or epoch {@code period}'s
   * batches.
   */
  private List<int[]> periodBatches(int[] shots, Schedule schedule, int period) {
    return schedule.batch() == 0
        ? Collections.nCopies(schedule.stepsPerPeriod(), shots)
        : Batches.epoch(shots, schedule.batch(), config.seed(), period, false);
  }

  /**
   * The validation images, fed once when they fit one evaluation batch (a few-shot validation
   * sample, evaluated after every step), otherwise evaluated batch by batch like the test set.
   */
  private static final class ValidationImages implements AutoCloseable {
    private static final int ONE_BATCH = 1000;
    private final ImageSet images;
    private final int[] indices;
    private final BatchFeeder feeder;
    private final BatchFeeder.Fed fed;

    ValidationImages(ImageSet images, int[] indices) {
      this.images = images;
      this.indices = indices;
      boolean oneBatch = indices.length <= ONE_BATCH;
      this.feeder = oneBatch ? new BatchFeeder(images, indices.length) : null;
      this.fed = oneBatch ? feeder.feed(indices) : null;
    }

    double accuracy(TrainingSession session) {
      if (fed == null) {
        return session.evaluate(images, indices).overall();
      }
      long[] predicted = session.predict(fed);
      int right = 0;
      for (int i = 0; i < indices.length; i++) {
        if (predicted[i] == images.label(indices[i])) {
          right++;
        }
      }
      return (double) right / indices.length;
    }

    @Override
    public void close() {
      if (feeder != null) {
        feeder.close();
      }
    }
  }
}
