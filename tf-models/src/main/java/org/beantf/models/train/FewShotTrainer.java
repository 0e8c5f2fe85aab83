package org.beantf.models.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.beantf.data.Dataset;
import org.beantf.data.ImageSet;
import org.beantf.data.sampling.Batches;
import org.beantf.models.Model;
import org.beantf.models.nn.OpNames;
import org.beantf.models.nn.VariableStore;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains a model from scratch on a few labelled images, evaluates it on a validation set every period, and keeps
 * the weights of the best period (in shadow variables inside the graph, so keeping them costs no host copy). The
 * kept weights are then evaluated once on the whole test set. Nothing is written to disk: a few-shot run is short
 * and is repeated rather than resumed.
 */
public final class FewShotTrainer {
  private final TrainConfig config;
  private final Model model;

  /** {@code config} fixes the regularizers, learning rate, threads and the seed of initialisation and dropout. */
  public FewShotTrainer(TrainConfig config, Model model) {
    this.config = config;
    this.model = model;
  }

  /**
   * How training proceeds: periods of steps, each followed by a validation. Build it with {@link #fullBatch} or
   * {@link #epochs}.
   *
   * @param batch images per step; 0 for all shots in one batch
   * @param stepsPerPeriod full-batch steps between validations; 0 for periods of one epoch
   * @param periods how many periods to train
   */
  public record Schedule(int batch, int stepsPerPeriod, int periods) {
    public Schedule {
      if (batch < 0 || stepsPerPeriod < 0 || periods < 1 || (batch == 0) == (stepsPerPeriod == 0)) {
        throw new IllegalArgumentException("batch " + batch + " and steps per period " + stepsPerPeriod
            + " (exactly one of them 0), periods " + periods + " (>= 1)");
      }
    }

    /** Every shot in every step, validated every {@code stepsPerValidation} steps, {@code validations} times. */
    public static Schedule fullBatch(int stepsPerValidation, int validations) {
      return new Schedule(0, stepsPerValidation, validations);
    }

    /** {@code epochs} epochs of batches of {@code batch} shots in a seeded order, validated after each epoch. */
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

  /** Trains on {@code shots} of {@code dataset}'s training images, validating on {@code validation} of them. */
  public Outcome train(Dataset dataset, int[] shots, int[] validation, Schedule schedule) {
    if (shots.length == 0 || validation.length == 0) {
      throw new IllegalArgumentException("shots (" + shots.length + ") and validation (" + validation.length
          + ") must not be empty");
    }
    ImageSet train = dataset.train();
    int batch = schedule.batch() == 0 ? shots.length : schedule.batch();
    try (Graph graph = new Graph()) {
      TrainingGraph g = TrainingGraph.build(graph, model, config,
          Shape.of(train.height(), train.width(), train.channels()));
      BestWeights best = BestWeights.build(Ops.create(graph).withSubScope("best"), g.variables);
      try (Session session = new Session(graph, Trainer.sessionConfig(config.threads()));
          BatchFeeder trainFeeder = new BatchFeeder(train, batch);
          ValidationImages validationImages = new ValidationImages(train, validation)) {
        run(session, g.initializers);
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int keptStep = 0;
        int step = 0;
        for (int period = 1; period <= schedule.periods(); period++) {
          for (int[] indices : periodBatches(shots, schedule, period)) {
            BatchFeeder.Fed fed = trainFeeder.feed(indices);
            session.runner().setOptions(Trainer.CALLER_THREAD).feed(g.images, fed.images())
                .feed(g.labels, fed.labels()).addTarget(g.trainStep).run().close();
            step++;
          }
          double accuracy = validationImages.accuracy(session, g);
          // strictly better: the earliest of equally good periods is kept
          if (accuracy > bestAccuracy) {
            bestAccuracy = accuracy;
            keptStep = step;
            run(session, List.of(best.save()));
          }
        }
        run(session, List.of(best.restore()));
        double test = Trainer.evaluate(session, g, dataset.test(), allIndices(dataset.test().size())).overall();
        return new Outcome(bestAccuracy, test, keptStep);
      }
    }
  }

  /** The batches of one period: the shots {@code stepsPerPeriod} times, or epoch {@code period}'s batches. */
  private List<int[]> periodBatches(int[] shots, Schedule schedule, int period) {
    return schedule.batch() == 0 ? Collections.nCopies(schedule.stepsPerPeriod(), shots)
        : Batches.epoch(shots, schedule.batch(), config.seed(), period, false);
  }

  private static void run(Session session, List<Op> targets) {
    Session.Runner runner = session.runner().setOptions(Trainer.CALLER_THREAD);
    targets.forEach(runner::addTarget);
    runner.run().close();
  }

  private static int[] allIndices(int n) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** A shadow copy of every variable: {@code save} copies the variables into it, {@code restore} back. */
  private record BestWeights(Op save, Op restore) {
    static BestWeights build(Ops tf, VariableStore variables) {
      List<Op> saves = new ArrayList<>();
      List<Op> restores = new ArrayList<>();
      for (VariableStore.Entry entry : variables.entries()) {
        Variable<TFloat32> shadow = OpNames.named(tf, entry.name()).variable(entry.variable().shape(),
            TFloat32.class);
        saves.add(tf.assign(shadow, tf.identity(entry.variable())));
        restores.add(tf.assign(entry.variable(), tf.identity(shadow)));
      }
      return new BestWeights(tf.withControlDependencies(saves).noOp(), tf.withControlDependencies(restores).noOp());
    }
  }

  /**
   * The validation images, fed once when they fit one evaluation batch (a few-shot validation sample, evaluated
   * after every step), otherwise evaluated batch by batch like the test set.
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

    double accuracy(Session session, TrainingGraph g) {
      if (fed == null) {
        return Trainer.evaluate(session, g, images, indices).overall();
      }
      try (Result result = session.runner().setOptions(Trainer.CALLER_THREAD).feed(g.images, fed.images())
          .fetch(g.predictions).run()) {
        TInt64 predicted = (TInt64) result.get(0);
        int right = 0;
        for (int i = 0; i < indices.length; i++) {
          if (predicted.getLong(i) == images.label(indices[i])) {
            right++;
          }
        }
        return (double) right / indices.length;
      }
    }

    @Override
    public void close() {
      if (feeder != null) {
        feeder.close();
      }
    }
  }
}
