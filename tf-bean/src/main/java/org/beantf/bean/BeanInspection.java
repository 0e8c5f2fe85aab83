package org.beantf.bean;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The correlation matrices and BEAN losses of any weight matrix (and activations), computed by the
 * same graph ops as training, in float32: what {@code bean inspect} reports.
 */
public final class BeanInspection {
  private BeanInspection() {}

  /**
   * What an inspection found.
   *
   * @param correlation1 A¹ (N×N)
   * @param correlation2 A² (N×N)
   * @param losses L of Eq. 1 without α, by "bean1_squared", "bean2_squared", "bean1_absolute",
   *     "bean2_absolute"; empty when no activations were given
   */
  public record Findings(
      float[][] correlation1, float[][] correlation2, Map<String, Double> losses) {}

  /**
   * Inspects outgoing weights {@code w} (N×M) and, when not null, activations {@code h} (S×N).
   *
   * @throws IllegalArgumentException if the shapes do not match
   */
  public static Findings inspect(
      float[][] w, float[][] h, double gamma, Normalization normalization) {
    if (h != null && h.length > 0 && h[0].length != w.length) {
      throw new IllegalArgumentException(
          "activations have "
              + h[0].length
              + " columns, weights "
              + w.length
              + " rows (expected equal)");
    }
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> weights = tf.constant(w);
      Correlations<TFloat32> a = Correlations.of(tf, weights, gamma, normalization);
      Session.Runner runner = session.runner().fetch(a.first()).fetch(a.second());
      Map<String, Operand<TFloat32>> losses = new LinkedHashMap<>();
      if (h != null && h.length > 0) {
        Operand<TFloat32> activations = tf.constant(h);
        for (Divergence divergence : Divergence.values()) {
          for (int order = 1; order <= 2; order++) {
            BeanRegularizer regularizer =
                new BeanRegularizer(
                    order, divergence, gamma, 1.0, LossForm.AUTO, normalization, h.length);
            Operand<TFloat32> loss = regularizer.loss(tf, activations, weights);
            losses.put("bean" + order + "_" + divergence.cliName(), loss);
            runner.fetch(loss);
          }
        }
      }
      try (Result result = runner.run()) {
        Map<String, Double> values = new LinkedHashMap<>();
        int index = 2;
        for (String name : losses.keySet()) {
          values.put(name, (double) ((TFloat32) result.get(index++)).getFloat());
        }
        return new Findings(matrix(result, 0), matrix(result, 1), values);
      }
    }
  }

  private static float[][] matrix(Result result, int index) {
    return StdArrays.array2dCopyOf((TFloat32) result.get(index));
  }
}
