package org.beantf.models.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.nn.NeuronSelection;

/**
 * Which connections and neurons of each BEAN layer a pruned model keeps. A connection of W is
 * removed by the criterion (|tanh(γw)| &lt; τ, or the smallest fraction S of |w|); a neuron is
 * removed when every one of its outgoing connections to a kept neuron is removed. Layers are
 * decided from the last to the first, so a neuron whose outgoing connections all lead to removed
 * neurons of the next BEAN layer (LeNet-5's {@code flatten} into {@code fc1}, {@code fc1} into
 * {@code fc2}) is removed too. Pure Java: no TensorFlow.
 */
public final class PruningPlan {
  /**
   * One layer's decision.
   *
   * @param wiring the layer's place in the model
   * @param keptNeurons the indices of the kept neurons, ascending
   * @param mask [N][M]: 1 where a connection is kept (its row's neuron and its column's neuron
   *     kept, and the criterion keeps it), else 0
   * @param keptConnections the ones in {@code mask}
   */
  public record LayerPlan(
      LayerWiring wiring, int[] keptNeurons, float[][] mask, long keptConnections) {}

  private final Map<String, LayerPlan> layers;

  private PruningPlan(Map<String, LayerPlan> layers) {
    this.layers = layers;
  }

  /**
   * Decides what to keep of every layer in {@code wiring}.
   *
   * @param weights W [N][M] of each layer, by name
   * @param gamma γ of the run's connectivity |tanh(γw)|
   * @throws InvalidSettingException (threshold or sparsity) if a layer would keep no neuron
   */
  public static PruningPlan of(
      List<LayerWiring> wiring,
      Map<String, float[][]> weights,
      double gamma,
      PruneSettings settings) {
    Map<String, LayerPlan> plans = new LinkedHashMap<>();
    List<LayerWiring> lastFirst = new ArrayList<>(wiring);
    Collections.reverse(lastFirst);
    for (LayerWiring layer : lastFirst) {
      float[][] w = weights.get(layer.layer());
      boolean[][] chosen = chosen(w, gamma, settings);
      boolean[] columnKept = new boolean[layer.outgoing()];
      if (layer.next() == null) {
        Arrays.fill(columnKept, true);
      } else {
        LayerPlan next = plans.get(layer.next());
        if (next == null) {
          throw new IllegalStateException(
              layer.layer() + " feeds " + layer.next() + ", which comes before it");
        }
        for (int j : next.keptNeurons()) {
          columnKept[j] = true;
        }
      }
      float[][] mask = new float[layer.neurons()][layer.outgoing()];
      List<Integer> kept = new ArrayList<>();
      long connections = 0;
      for (int i = 0; i < layer.neurons(); i++) {
        int row = 0;
        for (int j = 0; j < layer.outgoing(); j++) {
          if (chosen[i][j] && columnKept[j]) {
            mask[i][j] = 1f;
            row++;
          }
        }
        if (row > 0) {
          kept.add(i);
          connections += row;
        }
      }
      if (kept.isEmpty()) {
        throw noNeuronLeft(layer, w, gamma, columnKept, settings);
      }
      plans.put(
          layer.layer(),
          new LayerPlan(
              layer, kept.stream().mapToInt(Integer::intValue).toArray(), mask, connections));
    }
    Map<String, LayerPlan> inOrder = new LinkedHashMap<>();
    wiring.forEach(layer -> inOrder.put(layer.layer(), plans.get(layer.layer())));
    return new PruningPlan(inOrder);
  }

  /** The connections the criterion alone keeps. */
  private static boolean[][] chosen(float[][] w, double gamma, PruneSettings settings) {
    int rows = w.length;
    int columns = w[0].length;
    boolean[][] keep = new boolean[rows][columns];
    if (settings.criterion() == PruneSettings.Criterion.THRESHOLD) {
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          keep[i][j] = Math.abs(Math.tanh(gamma * w[i][j])) >= settings.value();
        }
      }
      return keep;
    }
    // the round(S·N·M) smallest |w| go; equal magnitudes in index order, so the count is exact
    Integer[] order = new Integer[rows * columns];
    Arrays.setAll(order, k -> k);
    Arrays.sort(
        order,
        (a, b) ->
            Float.compare(
                Math.abs(w[a / columns][a % columns]), Math.abs(w[b / columns][b % columns])));
    long removed = Math.round(settings.value() * rows * columns);
    for (int k = (int) removed; k < order.length; k++) {
      keep[order[k] / columns][order[k] % columns] = true;
    }
    return keep;
  }

  private static InvalidSettingException noNeuronLeft(
      LayerWiring layer, float[][] w, double gamma, boolean[] columnKept, PruneSettings settings) {
    double largest = 0;
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        if (columnKept[j]) {
          largest = Math.max(largest, Math.abs(Math.tanh(gamma * row[j])));
        }
      }
    }
    String parameter =
        settings.criterion() == PruneSettings.Criterion.THRESHOLD ? "threshold" : "sparsity";
    return new InvalidSettingException(
        parameter,
        settings.value(),
        String.format(
            Locale.ROOT,
            "removes every neuron of layer %s (its largest |tanh(γw)| to a kept neuron is %.4g;"
                + " expected a setting that keeps at least one)",
            layer.layer(),
            largest));
  }

  /** Each layer's decision, in the model's order. */
  public List<LayerPlan> layers() {
    return List.copyOf(layers.values());
  }

  /** The decision for {@code layer}, or null if it is not pruned. */
  public LayerPlan layer(String layer) {
    return layers.get(layer);
  }

  /** The 0/1 mask of each pruned kernel, by variable name: what fine-tuning multiplies W by. */
  public Map<String, float[][]> masks() {
    Map<String, float[][]> masks = new LinkedHashMap<>();
    layers.values().forEach(plan -> masks.put(plan.wiring().weights(), plan.mask()));
    return masks;
  }

  /** The kept neurons of every layer, for building the shrunk model. */
  public NeuronSelection selection() {
    Map<String, int[]> kept = new LinkedHashMap<>();
    layers.forEach((name, plan) -> kept.put(name, plan.keptNeurons()));
    return new NeuronSelection(kept);
  }
}
