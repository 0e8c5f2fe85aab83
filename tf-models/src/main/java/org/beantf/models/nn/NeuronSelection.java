package org.beantf.models.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The neurons a structurally pruned model keeps of each BEAN layer, so that its layers really
 * shrink: a dense layer that produces a BEAN layer of the same name ("hidden", "fc1") is built with
 * only the kept units ({@link ModelScope#units}), and a BEAN layer no dense layer produces
 * ("flatten", "pool") has its kept features gathered before the next layer reads them, whose kernel
 * then has one row per kept neuron (a dense layer takes its fan-in from its input). Every other
 * model leaves it at {@link #ALL}.
 */
public final class NeuronSelection {
  /** Every neuron of every layer: the model as declared. */
  public static final NeuronSelection ALL = new NeuronSelection(Map.of());

  private final Map<String, int[]> kept;

  /**
   * @param kept for each pruned BEAN layer, the indices of its kept neurons (ascending, at least
   *     one, each below the layer's declared N); a layer not named keeps every neuron
   */
  public NeuronSelection(Map<String, int[]> kept) {
    Map<String, int[]> copy = new LinkedHashMap<>();
    kept.forEach(
        (layer, indices) -> {
          if (indices.length == 0) {
            throw new IllegalArgumentException("layer " + layer + " keeps no neuron");
          }
          for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1])) {
              throw new IllegalArgumentException(
                  "layer "
                      + layer
                      + ": kept neurons "
                      + Arrays.toString(indices)
                      + " (expected ascending indices >= 0)");
            }
          }
          copy.put(layer, indices.clone());
        });
    this.kept = copy;
  }

  /** The units dense layer {@code layer} is built with: its kept neurons, else {@code declared}. */
  public int units(String layer, int declared) {
    int[] indices = kept.get(layer);
    return indices == null ? declared : indices.length;
  }

  /**
   * The activations [S, N'] the next layer reads of BEAN layer {@code layer}, given {@code h} [S,
   * N]: {@code h} when the layer keeps every neuron or its dense layer already made only the kept
   * ones, else the kept columns of {@code h}.
   */
  public Operand<TFloat32> select(Ops tf, String layer, Operand<TFloat32> h) {
    int[] indices = kept.get(layer);
    long columns = h.shape().get(1);
    if (indices == null || columns == indices.length) {
      return h;
    }
    if (columns < 0 || indices[indices.length - 1] >= columns) {
      throw new IllegalStateException(
          "layer "
              + layer
              + " has "
              + columns
              + " neurons, cannot keep "
              + Arrays.toString(indices));
    }
    return tf.gather(h, tf.constant(indices), tf.constant(1));
  }
}
