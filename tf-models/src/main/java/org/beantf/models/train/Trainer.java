package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beantf.data.Dataset;
import org.beantf.data.ImageSet;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;
import org.beantf.data.sampling.Batches;
import org.beantf.data.sampling.FewShotSampler;
import org.beantf.data.sampling.Seeds;
import org.beantf.data.sampling.ValidationSplit;
import org.beantf.models.Model;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains any {@link Model} in graph mode: the graph is built once; each step feeds a batch through reused tensors
 * and runs cross-entropy + regularizers → gradients → Adam. After every epoch it evaluates, appends metrics.jsonl
 * and checkpoints, so {@code --resume} continues a killed run exactly. Every random choice derives from the seed.
 */
public final class Trainer {
  private static final int EVALUATION_BATCH = 1000;
  /**
   * Every op on the calling thread. Otherwise TensorFlow runs cheap ops inline on the (Java) caller and expensive ones
   * on its pool threads, which flush denormals; which op is cheap follows cost estimates that adapt after about a
   * hundred steps, so two runs of the same seed drifted apart from there. On one thread they are bit-identical.
   */
  public static final RunOptions CALLER_THREAD = RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private final TrainConfig config;
  private final Model model;
  private final TrainingListener listener;

  public Trainer(TrainConfig config, Model model, TrainingListener listener) {
    this.config = config;
    this.model = model;
    this.listener = listener;
  }

  /** What a finished run measured (also written to report.json). */
  public record Outcome(double testAccuracy, double[] perClassAccuracy, double finalTrainLoss, int epochs,
      List<EpochMetrics> history) {}

  /** The training and validation indices of the run: the shots or the full base, minus the validation split. */
  record Split(int[] train, int[] validation) {}

  Split split(ImageSet train) {
    int[] labels = train.labels();
    if (config.shots() > 0) {
      FewShotSampler.FewShot fewShot = FewShotSampler.sample(labels, config.dataset().classes(), config.shots(),
          0, labels.length, config.validation() / config.dataset().classes(), Seeds.derive(config.seed(), "shots"));
      return new Split(fewShot.shots(), fewShot.validation());
    }
    ValidationSplit.Split split = ValidationSplit.of(labels.length, config.validation(),
        Seeds.derive(config.seed(), "validation"));
    return new Split(split.train(), split.validation());
  }

  /**
   * Trains on {@code dataset} into a new run directory ({@link RunDirectory#forNewRun}).
   *
   * @throws TrainingDivergedException if the loss becomes NaN or infinite
   */
  public Outcome train(Dataset dataset, RunDirectory run) {
    return run(dataset, run, false);
  }

  /**
   * Continues the run in {@code run} ({@link RunDirectory#forResume}) from its last checkpoint; the result is
   * bit-identical to an uninterrupted run.
   */
  public Outcome resume(Dataset dataset, RunDirectory run) {
    return run(dataset, run, true);
  }

  private Outcome run(Dataset dataset, RunDirectory run, boolean resume) {
    JsonNode configJson = ConfigJson.of(config);
    long start = System.nanoTime();
    Split split = split(dataset.train());
    ImageSet train = dataset.train();
    Shape imageShape = Shape.of(train.height(), train.width(), train.channels());
    try (Graph graph = new Graph()) {
      TrainingGraph g = TrainingGraph.build(graph, model, config, imageShape);
      try (Session session = new Session(graph, sessionConfig(config.threads()));
          BatchFeeder feeder = new BatchFeeder(train, config.batch())) {
        Progress progress = resume ? restore(session, run) : initialise(session, g, run, configJson);
        for (int epoch = progress.epoch + 1; !progress.stop; epoch++) {
          EpochMetrics metrics = trainEpoch(session, g, feeder, split, dataset, epoch, progress, run.checkpoint());
          run.appendMetrics(metrics);
          progress.update(metrics, config);
          JsonNode state = progress.toJson();
          run.swapCheckpoint(run.checkpoint(), session::save, state);
          if (progress.bestEpoch == epoch && split.validation().length > 0) {
            run.swapCheckpoint(run.bestCheckpoint(), session::save, state);
          }
          listener.epochFinished(metrics);
        }
        if (split.validation().length > 0) {
          listener.note("keeping epoch " + progress.bestEpoch + " (best validation accuracy "
              + String.format(Locale.ROOT, "%.4f", progress.bestValidation) + ")");
          session.restore(run.bestCheckpoint().resolve("variables").toString());
        }
        Accuracy test = evaluate(session, g, dataset.test(), allIndices(dataset.test().size()));
        writeLayers(session, g, run);
        double seconds = (System.nanoTime() - start) / 1e9 + progress.previousSeconds;
        Outcome outcome = new Outcome(test.overall(), test.perClass(), progress.lastTrainLoss, progress.epoch,
            progress.history);
        run.writeReport(Report.of(config, configJson, outcome, seconds));
        return outcome;
      }
    }
  }

  private Progress initialise(Session session, TrainingGraph g, RunDirectory run, JsonNode configJson) {
    Session.Runner runner = session.runner().setOptions(CALLER_THREAD);
    g.initializers.forEach(runner::addTarget);
    runner.run().close();
    run.writeConfig(configJson);
    return new Progress();
  }

  private Progress restore(Session session, RunDirectory run) {
    JsonNode state = run.checkpointState(run.checkpoint());
    session.restore(run.checkpoint().resolve("variables").toString());
    Progress progress = Progress.fromJson(state, run.truncateMetrics(state.get("epoch").asInt()));
    progress.stop = progress.shouldStop(config);
    listener.note("resuming after epoch " + progress.epoch + " from " + run.checkpoint());
    return progress;
  }

  private EpochMetrics trainEpoch(Session session, TrainingGraph g, BatchFeeder feeder, Split split,
      Dataset dataset, int epoch, Progress progress, Path checkpoint) {
    long epochStart = System.nanoTime();
    List<int[]> batches = Batches.epoch(split.train(), config.batch(), config.seed(), epoch, false);
    listener.epochStarted(epoch, batches.size(), config.batch());
    double ce = 0;
    double reg = 0;
    double correct = 0;
    int seen = 0;
    for (int b = 0; b < batches.size(); b++) {
      int[] batch = batches.get(b);
      BatchFeeder.Fed fed = feeder.feed(batch);
      try (Result result = session.runner().setOptions(CALLER_THREAD).feed(g.images, fed.images())
          .feed(g.labels, fed.labels()).fetch(g.crossEntropy).fetch(g.regularization).fetch(g.correct).addTarget(g.trainStep)
          .run()) {
        double batchCe = ((TFloat32) result.get(0)).getFloat();
        double batchReg = ((TFloat32) result.get(1)).getFloat();
        if (!Double.isFinite(batchCe + batchReg)) {
          long step = (long) (epoch - 1) * batches.size() + b + 1;
          throw new TrainingDivergedException("step " + step + " (epoch " + epoch + ", batch " + (b + 1)
              + "): the loss is not finite (cross-entropy " + batchCe + ", regularizer " + batchReg
              + "); the last good checkpoint is epoch " + progress.epoch + " in " + checkpoint);
        }
        ce += batchCe * batch.length;
        reg += batchReg * batch.length;
        correct += ((TFloat32) result.get(2)).getFloat();
        seen += batch.length;
      }
      double elapsed = (System.nanoTime() - epochStart) / 1e9;
      listener.stepFinished(b + 1, ce / seen, reg / seen, correct / seen, seen / elapsed);
    }
    Double validation = split.validation().length == 0 ? null
        : evaluate(session, g, dataset.train(), split.validation()).overall();
    double test = evaluate(session, g, dataset.test(), allIndices(dataset.test().size())).overall();
    return new EpochMetrics(epoch, (ce + reg) / seen, ce / seen, reg / seen, correct / seen, validation, test,
        (System.nanoTime() - epochStart) / 1e9);
  }

  /** Accuracy overall and per class of the inference pass on {@code indices} of {@code images}. */
  record Accuracy(double overall, double[] perClass) {}

  static Accuracy evaluate(Session session, TrainingGraph g, ImageSet images, int[] indices) {
    int classes = 10;
    int[] right = new int[classes];
    int[] total = new int[classes];
    try (BatchFeeder feeder = new BatchFeeder(images, EVALUATION_BATCH)) {
      for (int from = 0; from < indices.length; from += EVALUATION_BATCH) {
        int[] batch = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + EVALUATION_BATCH));
        BatchFeeder.Fed fed = feeder.feed(batch);
        try (Result result = session.runner().setOptions(CALLER_THREAD).feed(g.images, fed.images())
            .fetch(g.predictions).run()) {
          TInt64 predicted = (TInt64) result.get(0);
          for (int i = 0; i < batch.length; i++) {
            int label = images.label(batch[i]);
            total[label]++;
            if (predicted.getLong(i) == label) {
              right[label]++;
            }
          }
        }
      }
    }
    double[] perClass = new double[classes];
    int allRight = 0;
    for (int c = 0; c < classes; c++) {
      perClass[c] = total[c] == 0 ? Double.NaN : (double) right[c] / total[c];
      allRight += right[c];
    }
    return new Accuracy(indices.length == 0 ? Double.NaN : (double) allRight / indices.length, perClass);
  }

  private static void writeLayers(Session session, TrainingGraph g, RunDirectory run) {
    for (LayerExport layer : g.layers) {
      try (Result result = session.runner().setOptions(CALLER_THREAD).fetch(layer.weights())
          .fetch(layer.correlation1())
          .fetch(layer.correlation2()).run()) {
        String[] files = {"weights.npy", "correlation1.npy", "correlation2.npy"};
        for (int i = 0; i < files.length; i++) {
          float[][] values = StdArrays.array2dCopyOf((TFloat32) result.get(i));
          Npy.writeFloat32(run.layer(layer.name()).resolve(files[i]), NpyMatrix.of(values));
        }
      }
    }
  }

  private static int[] allIndices(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** {@code threads} intra-op threads and one inter-op thread: what every session of this project runs with. */
  public static ConfigProto sessionConfig(int threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build();
  }

  /** Where a run stands after each epoch: what the checkpoint's state.json records. */
  static final class Progress {
    int epoch;
    int bestEpoch;
    double bestValidation = Double.NEGATIVE_INFINITY;
    double bestTrainLoss = Double.POSITIVE_INFINITY;
    int epochsWithoutImprovement;
    double lastTrainLoss = Double.NaN;
    double previousSeconds;
    boolean stop;
    List<EpochMetrics> history = new ArrayList<>();

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
      return epoch >= config.epochs() || (config.untilConverged() && epochsWithoutImprovement >= config.patience());
    }

    JsonNode toJson() {
      ObjectNode state = RunDirectory.JSON.createObjectNode();
      state.put("epoch", epoch).put("best_epoch", bestEpoch).put("best_validation_accuracy", bestValidation)
          .put("best_train_loss", bestTrainLoss).put("epochs_without_improvement", epochsWithoutImprovement)
          .put("seconds", previousSeconds);
      return state;
    }

    static Progress fromJson(JsonNode state, List<EpochMetrics> history) {
      Progress progress = new Progress();
      progress.epoch = state.get("epoch").asInt();
      progress.bestEpoch = state.get("best_epoch").asInt();
      progress.bestValidation = state.get("best_validation_accuracy").isNull() ? Double.NEGATIVE_INFINITY
          : state.get("best_validation_accuracy").asDouble();
      progress.bestTrainLoss = state.get("best_train_loss").asDouble();
      progress.epochsWithoutImprovement = state.get("epochs_without_improvement").asInt();
      progress.previousSeconds = state.get("seconds").asDouble();
      progress.history = new ArrayList<>(history);
      progress.lastTrainLoss = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
      return progress;
    }
  }
}
