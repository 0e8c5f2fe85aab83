package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.beantf.data.Dataset;
import org.beantf.data.ImageSet;
import org.beantf.data.sampling.Batches;
import org.beantf.data.sampling.FewShotSampler;
import org.beantf.data.sampling.Seeds;
import org.beantf.data.sampling.ValidationSplit;
import org.beantf.models.Provenance;

/**
 * Trains {@link TrainConfig}'s model in graph mode: a loop over epochs on a {@link
 * TrainingSession}, whose graph is built once; each step feeds a batch through reused tensors.
 * After every epoch it evaluates, appends metrics.jsonl ({@link RunDirectory}), checkpoints ({@link
 * Checkpoints}) and decides whether to stop ({@link TrainingProgress}); a loss that is not finite
 * stops it. At the end it keeps the best epoch, measures the test set, writes the layers ({@link
 * LayerFiles}) and report.json. {@code --resume} continues a killed run exactly. Every random
 * choice derives from the seed.
 */
public final class Trainer {
  private final TrainConfig config;
  private final TrainingListener listener;

  public Trainer(TrainConfig config, TrainingListener listener) {
    this.config = config;
    this.listener = listener;
  }

  /**
   * The training and validation indices of the run: the shots or the full base, minus the
   * validation split.
   */
  record Split(int[] train, int[] validation) {}

  /**
   * The indices of the images of {@code train} the run trains on: its shots or the full base, minus
   * the validation split (what fine-tuning a pruned run continues on).
   */
  public int[] trainingIndices(ImageSet train) {
    return split(train).train();
  }

  Split split(ImageSet train) {
    int[] labels = train.labels();
    if (config.shots() > 0) {
      FewShotSampler.FewShot fewShot =
          FewShotSampler.sample(
              labels,
              config.data().classes(),
              config.shots(),
              0,
              labels.length,
              config.validation() / config.data().classes(),
              Seeds.derive(config.seed(), "shots"));
      return new Split(fewShot.shots(), fewShot.validation());
    }
    ValidationSplit.Split split =
        ValidationSplit.of(
            labels.length, config.validation(), Seeds.derive(config.seed(), "validation"));
    return new Split(split.train(), split.validation());
  }

  /**
   * Trains on {@code dataset} into a new run directory ({@link RunDirectory#forNewRun}).
   *
   * @throws TrainingDivergedException if the loss becomes NaN or infinite
   * @throws org.beantf.data.io.OutputWriteException if the run directory cannot be written (no
   *     space left on device, …); a run that fails before its first checkpoint leaves nothing
   *     behind, a later one keeps its last checkpoint to resume from
   */
  public TrainingOutcome train(Dataset dataset, RunDirectory run) {
    boolean createdRoot = !Files.exists(run.root());
    try {
      return run(dataset, run, false);
    } catch (RuntimeException e) {
      run.discardIfUnstarted(createdRoot, e);
      throw e;
    }
  }

  /**
   * Continues the run in {@code run} ({@link RunDirectory#forResume}) from its last checkpoint; the
   * result is bit-identical to an uninterrupted run.
   */
  public TrainingOutcome resume(Dataset dataset, RunDirectory run) {
    return run(dataset, run, true);
  }

  private TrainingOutcome run(Dataset dataset, RunDirectory run, boolean resume) {
    JsonNode configJson = ConfigJson.of(config);
    long start = System.nanoTime();
    Split split = split(dataset.train());
    ImageSet train = dataset.train();
    Checkpoints checkpoints = new Checkpoints(run, split.validation().length > 0);
    try (TrainingSession session = TrainingSession.open(config);
        BatchFeeder feeder = new BatchFeeder(train, config.batch())) {
      TrainingProgress progress;
      if (resume && !run.hasCheckpoint()) {
        // killed before its first checkpoint: nothing to continue, so it starts again, as the same
        // run (its configuration was checked) ends bit-identical to an uninterrupted one
        listener.note("no complete checkpoint in " + run.root() + ": starting the run again");
        run.truncateMetrics(0);
        session.initialise();
        run.writeClasses(config.data().classNames());
        progress = new TrainingProgress();
      } else if (resume) {
        progress = checkpoints.restore(session);
        progress.stop = progress.shouldStop(config);
        listener.note("resuming after epoch " + progress.epoch + " from " + run.checkpoint());
        Provenance before = run.provenance();
        Provenance now = Provenance.current();
        if (before != null && !before.equals(now)) {
          listener.note(
              "resuming on another kernel path (was "
                  + before.describe()
                  + ", now "
                  + now.describe()
                  + "): the weights will not be bit-identical to an uninterrupted run's");
        }
      } else {
        session.initialise();
        run.writeConfig(
            ((ObjectNode) configJson.deepCopy()).set("provenance", Provenance.current().toJson()));
        run.writeClasses(config.data().classNames());
        progress = new TrainingProgress();
      }
      for (int epoch = progress.epoch + 1; !progress.stop; epoch++) {
        EpochMetrics metrics =
            trainEpoch(session, feeder, split, dataset, epoch, progress, run.checkpoint());
        run.appendMetrics(metrics);
        progress.update(metrics, config);
        checkpoints.epochEnded(session, progress);
        listener.epochFinished(metrics);
      }
      if (split.validation().length > 0) {
        listener.note(
            "keeping epoch "
                + progress.bestEpoch
                + " (best validation accuracy "
                + String.format(Locale.ROOT, "%.4f", progress.bestValidation)
                + ")");
        checkpoints.keepBest(session);
      }
      ClassAccuracy test = session.evaluate(dataset.test());
      LayerFiles.write(session, run);
      double seconds = (System.nanoTime() - start) / 1e9 + progress.previousSeconds;
      TrainingOutcome outcome =
          new TrainingOutcome(
              test.overall(),
              test.perClass(),
              test.confusion(),
              progress.lastTrainLoss,
              progress.epoch,
              progress.history);
      run.writeReport(Report.of(config, configJson, outcome, seconds));
      return outcome;
    }
  }

  private EpochMetrics trainEpoch(
      TrainingSession session,
      BatchFeeder feeder,
      Split split,
      Dataset dataset,
      int epoch,
      TrainingProgress progress,
      Path checkpoint) {
    long epochStart = System.nanoTime();
    List<int[]> batches = Batches.epoch(split.train(), config.batch(), config.seed(), epoch, false);
    listener.epochStarted(epoch, batches.size(), config.batch());
    double ce = 0;
    double reg = 0;
    double correct = 0;
    int seen = 0;
    for (int b = 0; b < batches.size(); b++) {
      int[] batch = batches.get(b);
      TrainingSession.StepResult step = session.step(feeder.feed(batch));
      if (!Double.isFinite(step.crossEntropy() + step.regularization())) {
        long at = (long) (epoch - 1) * batches.size() + b + 1;
        throw new TrainingDivergedException(
            "step "
                + at
                + " (epoch "
                + epoch
                + ", batch "
                + (b + 1)
                + "): the loss is not finite (cross-entropy "
                + step.crossEntropy()
                + ", regularizer "
                + step.regularization()
                + "); the last good checkpoint is epoch "
                + progress.epoch
                + " in "
                + checkpoint);
      }
      ce += step.crossEntropy() * batch.length;
      reg += step.regularization() * batch.length;
      correct += step.correct();
      seen += batch.length;
      double elapsed = (System.nanoTime() - epochStart) / 1e9;
      listener.stepFinished(b + 1, ce / seen, reg / seen, correct / seen, seen / elapsed);
    }
    Double validation =
        split.validation().length == 0
            ? null
            : session.evaluate(dataset.train(), split.validation()).overall();
    double test = session.evaluate(dataset.test()).overall();
    return new EpochMetrics(
        epoch,
        (ce + reg) / seen,
        ce / seen,
        reg / seen,
        correct / seen,
        validation,
        test,
        (System.nanoTime() - epochStart) / 1e9);
  }
}
