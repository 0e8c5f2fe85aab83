package org.beantf.models.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.ImageSet;
import org.beantf.models.InferencePass;
import org.beantf.models.Sessions;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.TrainConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A run's model rebuilt from its checkpoint for analysis: the inference pass with a mask on every
 * BEAN layer's activations (1 keeps a neuron, 0 silences it; all ones unless fed). One graph gives
 * each layer's activations and the predictions with any population of a layer silenced. Like
 * training, every op runs on the calling thread: TensorFlow's pools only compete for the cores
 * here. Owns its graph and session: close it.
 */
public final class AnalysisGraph implements AutoCloseable {
  private static final int BATCH = 1000;

  /** A BEAN layer's activations before the mask, and the mask. */
  private record MaskedLayer(Operand<TFloat32> activations, Operand<TFloat32> mask) {}

  private final Graph graph;
  private final Session session;
  private final Operand<TFloat32> images;
  private final Operand<TInt64> predictions;
  private final Map<String, MaskedLayer> layers;

  private AnalysisGraph(
      Graph graph,
      Session session,
      Operand<TFloat32> images,
      Operand<TInt64> predictions,
      Map<String, MaskedLayer> layers) {
    this.graph = graph;
    this.session = session;
    this.images = images;
    this.predictions = predictions;
    this.layers = layers;
  }

  /**
   * Builds the graph of {@code model} trained with {@code config} and restores {@code
   * checkpointPrefix} into it.
   */
  public static AnalysisGraph restore(TrainConfig config, String checkpointPrefix) {
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Map<String, MaskedLayer> layers = new HashMap<>();
      InferencePass.Standalone standalone =
          InferencePass.standalone(
              tf,
              config.buildModel(),
              config.inputShape(),
              config.data().preprocessing(),
              config.seed(),
              (scope, layer, h) -> {
                float[] ones = new float[(int) h.shape().get(1)];
                Arrays.fill(ones, 1f);
                Operand<TFloat32> mask =
                    scope.placeholderWithDefault(scope.constant(ones), Shape.of(ones.length));
                layers.put(layer, new MaskedLayer(h, mask));
                return scope.math.mul(h, mask);
              });
      Operand<TInt64> predictions = tf.math.argMax(standalone.forward().logits(), tf.constant(1));
      Session session = new Session(graph, Sessions.config(1));
      try {
        session.restore(checkpointPrefix);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return new AnalysisGraph(graph, session, standalone.images(), predictions, layers);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The BEAN layers of the model. */
  public List<String> layers() {
    return layers.keySet().stream().sorted().toList();
  }

  /**
   * The activations H [S, N] of {@code layer} for every image of {@code images}, nothing silenced.
   */
  public float[][] activations(String layer, ImageSet images) {
    Operand<TFloat32> h = layer(layer).activations();
    float[][] all = new float[images.size()][];
    try (BatchFeeder feeder = new BatchFeeder(images, BATCH)) {
      for (int from = 0; from < images.size(); from += BATCH) {
        int[] batch = range(from, Math.min(images.size(), from + BATCH));
        try (Result result =
            session
                .runner()
                .setOptions(Sessions.CALLER_THREAD)
                .feed(this.images, feeder.feed(batch).images())
                .fetch(h)
                .run()) {
          TFloat32 rows = (TFloat32) result.get(0);
          int n = (int) rows.shape().get(1);
          float[] flat = new float[batch.length * n];
          rows.asRawTensor().data().asFloats().read(flat);
          for (int i = 0; i < batch.length; i++) {
            all[from + i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
          }
        }
      }
    }
    return all;
  }

  /**
   * The predicted class of each image whose activations at {@code layer} are the rows of {@code h},
   * with the neurons where {@code silenced} is true zeroed. The layers below are not run again:
   * {@code h} is fed in.
   */
  public int[] predictSilenced(String layer, float[][] h, boolean[] silenced) {
    MaskedLayer masked = layer(layer);
    float[] mask = new float[silenced.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = silenced[i] ? 0f : 1f;
    }
    int[] predicted = new int[h.length];
    try (TFloat32 maskTensor = TFloat32.vectorOf(mask)) {
      for (int from = 0; from < h.length; from += BATCH) {
        int rows = Math.min(BATCH, h.length - from);
        // one bulk copy of the rows: element-wise NdArray copies cost more than the rest of the
        // graph
        float[] flat = new float[rows * silenced.length];
        for (int i = 0; i < rows; i++) {
          System.arraycopy(h[from + i], 0, flat, i * silenced.length, silenced.length);
        }
        try (TFloat32 batch =
                TFloat32.tensorOf(
                    Shape.of(rows, silenced.length), DataBuffers.of(flat, true, false));
            Result result =
                session
                    .runner()
                    .setOptions(Sessions.CALLER_THREAD)
                    .feed(masked.activations(), batch)
                    .feed(masked.mask(), maskTensor)
                    .fetch(predictions)
                    .run()) {
          TInt64 classes = (TInt64) result.get(0);
          for (int i = 0; i < rows; i++) {
            predicted[from + i] = (int) classes.getLong(i);
          }
        }
      }
    }
    return predicted;
  }

  private MaskedLayer layer(String name) {
    MaskedLayer layer = layers.get(name);
    if (layer == null) {
      throw new IllegalArgumentException(
          "no BEAN layer '" + name + "' (expected one of " + layers() + ")");
    }
    return layer;
  }

  private static int[] range(int from, int to) {
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return indices;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
