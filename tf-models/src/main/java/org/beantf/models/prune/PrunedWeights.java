package org.beantf.models.prune;

import java.util.ArrayList;
import java.util.List;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.nn.VariableValue;
import org.tensorflow.ndarray.Shape;

/**
 * A model's variables cut down to the neurons a {@link PruningPlan} keeps, so that the dense layers
 * really shrink: each BEAN layer's W loses the rows of its removed neurons; a dense layer that
 * produces a BEAN layer ({@code hidden}, {@code fc1}) loses the kernel columns and bias entries of
 * that layer's removed neurons; so W of the BEAN layer before it (its kernel) loses both. Every
 * other variable (convolutions, batch norm, the output layer's bias) is kept whole. The removed
 * connections inside kept rows and columns stay, as the zeros the masked training left them.
 */
public final class PrunedWeights {
  private PrunedWeights() {}

  /**
   * The variables of the pruned model, in the order given.
   *
   * @param values every variable of the un-shrunk model, its pruned connections already zero
   */
  public static List<VariableValue> of(List<VariableValue> values, PruningPlan plan) {
    List<VariableValue> pruned = new ArrayList<>();
    for (VariableValue value : values) {
      String owner = value.name().substring(0, Math.max(0, value.name().lastIndexOf('/')));
      PruningPlan.LayerPlan produced = plan.layer(owner);
      int[] outputs = produced != null && produced.wiring().dense() ? produced.keptNeurons() : null;
      if (value.kind() == VariableStore.Kind.DENSE_KERNEL) {
        int[] inputs = null;
        for (PruningPlan.LayerPlan layer : plan.layers()) {
          if (layer.wiring().weights().equals(value.name())) {
            inputs = layer.keptNeurons();
          }
        }
        pruned.add(select(value, inputs, outputs));
      } else if (value.kind() == VariableStore.Kind.DENSE_BIAS && outputs != null) {
        pruned.add(select(value, null, outputs));
      } else {
        pruned.add(value);
      }
    }
    return pruned;
  }

  /**
   * The rows {@code rows} and columns {@code columns} (null: all) of a [rows, columns] kernel, or
   * the entries {@code columns} of a bias vector.
   */
  private static VariableValue select(VariableValue value, int[] rows, int[] columns) {
    if (value.shape().numDimensions() == 1) {
      float[] kept = new float[columns.length];
      for (int j = 0; j < columns.length; j++) {
        kept[j] = value.values()[columns[j]];
      }
      return new VariableValue(value.name(), value.kind(), Shape.of(kept.length), kept);
    }
    int width = (int) value.shape().get(1);
    int[] r = rows != null ? rows : all((int) value.shape().get(0));
    int[] c = columns != null ? columns : all(width);
    float[] kept = new float[r.length * c.length];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < c.length; j++) {
        kept[i * c.length + j] = value.values()[r[i] * width + c[j]];
      }
    }
    return new VariableValue(value.name(), value.kind(), Shape.of(r.length, c.length), kept);
  }

  private static int[] all(int n) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    return indices;
  }
}
