package org.beantf.models.experiments;

import org.beantf.data.Dataset;
import org.beantf.models.ModelKind;
import org.beantf.models.train.FewShotTrainer;
import org.beantf.models.train.TrainConfig;

/**
 * Runs one method with one setting on one draw: LeNet-5 trained by {@link FewShotTrainer}, or a
 * pixel classifier.
 */
final class FewShotRunner {
  private final FewShotProtocol protocol;
  private final int steps;
  private final FewShotOptions options;
  private final int threads;

  FewShotRunner(FewShotProtocol protocol, int steps, FewShotOptions options, int threads) {
    this.protocol = protocol;
    this.steps = steps;
    this.options = options;
    this.threads = threads;
  }

  /** Reported draw {@code draw}: the test accuracy of {@code method} with {@code setting}. */
  FewShotResult reported(
      Dataset dataset, int shots, FewShotMethod method, Hyperparameters setting, int draw) {
    long start = System.nanoTime();
    FewShotDraw drawn =
        FewShotDraw.reported(
            protocol, dataset.info().source().builtin(), dataset.train().labels(), shots, draw);
    if (!method.isNetwork()) {
      double test =
          method == FewShotMethod.KNN
              ? new NearestNeighbour(dataset.train(), drawn.shots()).accuracy(dataset.test())
              : new KernelRidge(
                      dataset.train(), drawn.shots(), dataset.classes(), setting.get("lambda"))
                  .accuracy(dataset.test());
      return new FewShotResult(
          dataset.info().name(),
          shots,
          method.cliName(),
          draw,
          protocol.cliName(),
          setting,
          null,
          test,
          0,
          seconds(start));
    }
    FewShotTrainer.Outcome outcome = train(dataset, shots, method, setting, drawn);
    return new FewShotResult(
        dataset.info().name(),
        shots,
        method.cliName(),
        draw,
        protocol.cliName(),
        setting,
        outcome.validationAccuracy(),
        outcome.testAccuracy(),
        outcome.keptStep(),
        seconds(start));
  }

  /**
   * A candidate of per-draw selection: {@code method} with {@code setting} trained on reported draw
   * {@code draw}, with its validation accuracy (which chooses) and test accuracy (reported if
   * chosen).
   */
  TuningResult candidate(
      Dataset dataset, int shots, FewShotMethod method, Hyperparameters setting, int draw) {
    long start = System.nanoTime();
    FewShotDraw drawn =
        FewShotDraw.reported(
            protocol, dataset.info().source().builtin(), dataset.train().labels(), shots, draw);
    return trial(dataset, shots, method, setting, draw, drawn, start, true);
  }

  /** Tuning draw {@code tuning}: the validation accuracy of {@code method} with {@code setting}. */
  TuningResult tuning(
      Dataset dataset, int shots, FewShotMethod method, Hyperparameters setting, int tuning) {
    long start = System.nanoTime();
    FewShotDraw drawn =
        FewShotDraw.tuning(
            protocol, dataset.info().source().builtin(), dataset.train().labels(), shots, tuning);
    return trial(dataset, shots, method, setting, tuning, drawn, start, false);
  }

  /** A line of tuning.jsonl: {@code setting} trained on {@code drawn}, tested if {@code tested}. */
  private TuningResult trial(
      Dataset dataset,
      int shots,
      FewShotMethod method,
      Hyperparameters setting,
      int draw,
      FewShotDraw drawn,
      long start,
      boolean tested) {
    FewShotTrainer.Outcome outcome = train(dataset, shots, method, setting, drawn);
    return new TuningResult(
        dataset.info().name(),
        shots,
        method.cliName(),
        setting,
        draw,
        outcome.validationAccuracy(),
        outcome.keptStep(),
        seconds(start),
        tested ? outcome.testAccuracy() : null);
  }

  private FewShotTrainer.Outcome train(
      Dataset dataset,
      int shots,
      FewShotMethod method,
      Hyperparameters setting,
      FewShotDraw drawn) {
    FewShotTrainer.Schedule schedule = protocol.schedule(shots, steps, options.epochs());
    TrainConfig config =
        config(
            dataset,
            method,
            setting,
            schedule.batch() == 0 ? drawn.shots().length : schedule.batch(),
            drawn.networkSeed());
    return new FewShotTrainer(config).train(dataset, drawn.shots(), drawn.validation(), schedule);
  }

  /**
   * LeNet-5 with {@code method}'s regularizer at {@code setting}; the batch size lets BEAN pick its
   * cheapest form.
   */
  TrainConfig config(
      Dataset dataset, FewShotMethod method, Hyperparameters setting, int batch, long seed) {
    TrainConfig.Builder builder =
        TrainConfig.builder(ModelKind.LENET5, dataset.info().source().builtin())
            .normalization(protocol.normalization())
            .learningRate(FewShotProtocol.LEARNING_RATE)
            .batch(batch)
            .seed(seed)
            .threads(threads)
            .init(options.init())
            .regularizers(method.regularizer());
    if (method.setting() != null) {
      builder.set(method.setting(), setting.get(method.parameter()));
    }
    return builder.build();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
