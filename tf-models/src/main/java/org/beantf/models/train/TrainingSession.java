package org.beantf.models.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.ImageSet;
import org.beantf.models.LayerMatrices;
import org.beantf.models.Sessions;
import org.beantf.models.nn.OpNames;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.nn.VariableValue;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A run's training graph ({@link TrainConfig}'s model, its regularizers, Adam) in a session:
 * initialise or restore, step, save, predict and evaluate. What the trainer, the few-shot trainer,
 * the benchmarks and the tests drive. Every run uses {@link Sessions}' settings, so the same seed
 * gives the same bits. Owns its graph and session: close it.
 */
public final class TrainingSession implements AutoCloseable {
  private static final int EVALUATION_BATCH = 1000;

  /**
   * The batch's mean cross-entropy and regularizer, and how many of its images the training pass
   * got right.
   */
  public record StepResult(double crossEntropy, double regularization, double correct) {}

  private final Graph graph;
  private final Session session;
  private final TrainingGraph g;
  private final int classes;
  private final Op snapshotSave;
  private final Op snapshotRestore;

  private TrainingSession(
      Graph graph,
      Session session,
      TrainingGraph g,
      int classes,
      Op snapshotSave,
      Op snapshotRestore) {
    this.graph = graph;
    this.session = session;
    this.g = g;
    this.classes = classes;
    this.snapshotSave = snapshotSave;
    this.snapshotRestore = snapshotRestore;
  }

  /** The graph of {@code config} for its dataset's input, in a new session (not initialised). */
  public static TrainingSession open(TrainConfig config) {
    return open(config, false);
  }

  /**
   * As {@link #open(TrainConfig)}; with {@code weightSnapshot}, the graph also holds a shadow copy
   * of every variable ({@link #saveSnapshot}, {@link #restoreSnapshot}): keeping the best weights
   * costs no host copy.
   */
  public static TrainingSession open(TrainConfig config, boolean weightSnapshot) {
    return open(config, weightSnapshot, Map.of());
  }

  /**
   * The graph of {@code config} with connection masks (a pruned model to fine-tune): the model
   * reads each masked kernel as W ⊙ mask, and every training step ends by setting the variable's
   * masked entries to +0, so that the removed connections are exactly zero throughout. After {@link
   * #restore}, {@link #applyMasks} zeroes them in the restored weights.
   *
   * @param masks 0/1 masks [rows][columns] by variable name ("fc2/kernel"), each of its variable's
   *     shape
   */
  public static TrainingSession open(TrainConfig config, Map<String, float[][]> masks) {
    return open(config, false, masks);
  }

  private static TrainingSession open(
      TrainConfig config, boolean weightSnapshot, Map<String, float[][]> masks) {
    Graph graph = new Graph();
    try {
      TrainingGraph g = TrainingGraph.build(graph, config, masks);
      Op save = null;
      Op restore = null;
      if (weightSnapshot) {
        Ops tf = Ops.create(graph).withSubScope("best");
        List<Op> saves = new ArrayList<>();
        List<Op> restores = new ArrayList<>();
        for (VariableStore.Entry entry : g.variables().entries()) {
          Variable<TFloat32> shadow =
              OpNames.named(tf, entry.name()).variable(entry.variable().shape(), TFloat32.class);
          saves.add(tf.assign(shadow, tf.identity(entry.variable())));
          restores.add(tf.assign(entry.variable(), tf.identity(shadow)));
        }
        save = tf.withControlDependencies(saves).noOp();
        restore = tf.withControlDependencies(restores).noOp();
      }
      return new TrainingSession(
          graph,
          new Session(graph, Sessions.config(config.threads())),
          g,
          config.data().classes(),
          save,
          restore);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Gives every variable its initial value (seeded by the configuration) and the step counter 0.
   */
  public void initialise() {
    run(g.initializers());
  }

  /**
   * Restores the variables from checkpoint {@code prefix} (a run's {@code checkpoint/variables}).
   */
  public void restore(String prefix) {
    session.restore(prefix);
  }

  /** Sets the masked entries of every masked variable to +0 (opened with masks; else nothing). */
  public void applyMasks() {
    if (!g.maskAssignments().isEmpty()) {
      run(g.maskAssignments());
    }
  }

  /** Saves the variables as checkpoint {@code prefix}. */
  public void save(String prefix) {
    session.save(prefix);
  }

  /**
   * One training step on {@code fed}: forward, regularizers, gradients, Adam; its losses fetched.
   */
  public StepResult step(BatchFeeder.Fed fed) {
    try (Result result =
        session
            .runner()
            .setOptions(Sessions.CALLER_THREAD)
            .feed(g.images(), fed.images())
            .feed(g.labels(), fed.labels())
            .fetch(g.crossEntropy())
            .fetch(g.regularization())
            .fetch(g.correct())
            .addTarget(g.trainStep())
            .run()) {
      return new StepResult(
          ((TFloat32) result.get(0)).getFloat(),
          ((TFloat32) result.get(1)).getFloat(),
          ((TFloat32) result.get(2)).getFloat());
    }
  }

  /** One training step on {@code fed}, fetching nothing. */
  public void stepOnly(BatchFeeder.Fed fed) {
    session
        .runner()
        .setOptions(Sessions.CALLER_THREAD)
        .feed(g.images(), fed.images())
        .feed(g.labels(), fed.labels())
        .addTarget(g.trainStep())
        .run()
        .close();
  }

  /** The inference pass's class for each image of {@code fed}. */
  public long[] predict(BatchFeeder.Fed fed) {
    try (Result result =
        session
            .runner()
            .setOptions(Sessions.CALLER_THREAD)
            .feed(g.images(), fed.images())
            .fetch(g.predictions())
            .run()) {
      TInt64 predicted = (TInt64) result.get(0);
      long[] classIds = new long[(int) predicted.shape().get(0)];
      for (int i = 0; i < classIds.length; i++) {
        classIds[i] = predicted.getLong(i);
      }
      return classIds;
    }
  }

  /** The inference pass's logits [images][classes] for the images of {@code fed}. */
  public float[][] logits(BatchFeeder.Fed fed) {
    try (Result result =
        session
            .runner()
            .setOptions(Sessions.CALLER_THREAD)
            .feed(g.images(), fed.images())
            .fetch(g.inferenceLogits())
            .run()) {
      return StdArrays.array2dCopyOf((TFloat32) result.get(0));
    }
  }

  /** The inference pass's accuracy on {@code indices} of {@code images}, overall and per class. */
  public ClassAccuracy evaluate(ImageSet images, int[] indices) {
    ClassAccuracy accuracy = new ClassAccuracy(classes);
    try (BatchFeeder feeder = new BatchFeeder(images, EVALUATION_BATCH)) {
      for (int from = 0; from < indices.length; from += EVALUATION_BATCH) {
        int[] batch =
            Arrays.copyOfRange(indices, from, Math.min(indices.length, from + EVALUATION_BATCH));
        long[] predicted = predict(feeder.feed(batch));
        for (int i = 0; i < batch.length; i++) {
          accuracy.add(predicted[i], images.label(batch[i]));
        }
      }
    }
    return accuracy;
  }

  /** The accuracy on every image of {@code images}. */
  public ClassAccuracy evaluate(ImageSet images) {
    int[] all = new int[images.size()];
    Arrays.setAll(all, i -> i);
    return evaluate(images, all);
  }

  /** Copies every variable into its shadow (opened with a weight snapshot). */
  public void saveSnapshot() {
    run(List.of(requireSnapshot(snapshotSave)));
  }

  /** Copies every shadow back into its variable (opened with a weight snapshot). */
  public void restoreSnapshot() {
    run(List.of(requireSnapshot(snapshotRestore)));
  }

  /** W, A¹ and A² [rows][columns] of every BEAN layer, by layer name in the model's order. */
  public Map<String, float[][][]> layerMatrices() {
    Map<String, float[][][]> matrices = new LinkedHashMap<>();
    for (LayerMatrices layer : g.layers()) {
      try (Result result =
          session
              .runner()
              .setOptions(Sessions.CALLER_THREAD)
              .fetch(layer.weights())
              .fetch(layer.correlation1())
              .fetch(layer.correlation2())
              .run()) {
        float[][][] values = new float[3][][];
        for (int i = 0; i < values.length; i++) {
          values[i] = StdArrays.array2dCopyOf((TFloat32) result.get(i));
        }
        matrices.put(layer.name(), values);
      }
    }
    return matrices;
  }

  /** The model's variables (for tests that read a moving statistic). */
  public VariableStore variables() {
    return g.variables();
  }

  /** The value of {@code variable}, flattened. */
  public float[] read(Variable<TFloat32> variable) {
    try (Result result = session.runner().fetch(variable).run()) {
      TFloat32 value = (TFloat32) result.get(0);
      float[] values = new float[(int) value.size()];
      value.asRawTensor().data().asFloats().read(values);
      return values;
    }
  }

  /** The value of every model variable (no optimiser slot, no step counter), in creation order. */
  public List<VariableValue> values() {
    List<VariableValue> values = new ArrayList<>();
    for (VariableStore.Entry entry : g.variables().entries()) {
      values.add(
          new VariableValue(
              entry.name(), entry.kind(), entry.variable().shape(), read(entry.variable())));
    }
    return values;
  }

  /** The graph (for tests that inspect its ops). */
  public Graph graph() {
    return graph;
  }

  private Op requireSnapshot(Op op) {
    if (op == null) {
      throw new IllegalStateException("this session was opened without a weight snapshot");
    }
    return op;
  }

  private void run(List<Op> targets) {
    Session.Runner runner = session.runner().setOptions(Sessions.CALLER_THREAD);
    targets.forEach(runner::addTarget);
    runner.run().close();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
