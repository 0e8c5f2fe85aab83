package org.beantf.bean;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Runs small graphs of the BEAN ops on double or float matrices fed through placeholders (test
 * helper).
 */
final class GraphRunner {
  private GraphRunner() {}

  /** Builds {@code op(tf, h, w)} in float64 and returns its scalar value. */
  static double scalar64(
      double[][] h, double[][] w, BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op) {
    return run64(h, w, op)[0][0];
  }

  /**
   * Builds {@code op(tf, {h, w})} in float64 and returns its value as a matrix (a scalar as 1×1).
   */
  static double[][] run64(
      double[][] h, double[][] w, BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op) {
    return evaluate64(new double[][][] {h, w}, true, (tf, in) -> List.of(op.apply(tf, in))).get(0);
  }

  /** Builds {@code op(tf, inputs)} in float64, every placeholder with its input's static shape. */
  static double[][] runStatic64(
      BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op, double[][]... inputs) {
    return evaluate64(inputs, false, (tf, in) -> List.of(op.apply(tf, in))).get(0);
  }

  /**
   * Builds the scalar {@code loss(tf, {h, w})} in float64 and returns its gradients {dL/dH, dL/dW}
   * from TensorFlow's gradient registry.
   */
  static double[][][] gradients64(
      double[][] h, double[][] w, BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> loss) {
    return evaluate64(
            new double[][][] {h, w},
            true,
            (tf, in) -> {
              Gradients gradients = tf.gradients(loss.apply(tf, in), List.of(in[0], in[1]));
              return List.of(gradients.<TFloat64>dy(0), gradients.<TFloat64>dy(1));
            })
        .toArray(double[][][]::new);
  }

  /**
   * Feeds {@code inputs} through float64 placeholders (the first with a dynamic batch dimension if
   * {@code dynamicBatch}, as the activations are in training) and returns the values of {@code
   * outputs}.
   */
  @SuppressWarnings("unchecked")
  private static List<double[][]> evaluate64(
      double[][][] inputs,
      boolean dynamicBatch,
      BiFunction<Ops, Operand<TFloat64>[], List<Operand<TFloat64>>> outputs) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat64>[] placeholders = new Operand[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        long rows = i == 0 && dynamicBatch ? -1 : inputs[i].length;
        placeholders[i] =
            tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(rows, inputs[i][0].length)));
      }
      List<Operand<TFloat64>> fetched = outputs.apply(tf, placeholders);
      List<TFloat64> fed = new ArrayList<>();
      try {
        Session.Runner runner = session.runner();
        for (int i = 0; i < inputs.length; i++) {
          fed.add(TFloat64.tensorOf(StdArrays.ndCopyOf(inputs[i])));
          runner.feed(placeholders[i], fed.get(i));
        }
        fetched.forEach(runner::fetch);
        try (Result result = runner.run()) {
          List<double[][]> values = new ArrayList<>();
          for (int i = 0; i < fetched.size(); i++) {
            values.add(toMatrix((TFloat64) result.get(i)));
          }
          return values;
        }
      } finally {
        fed.forEach(TFloat64::close);
      }
    }
  }

  /** The same in float32: inputs rounded to float, the result widened back. */
  @SuppressWarnings("unchecked")
  static double[][] run32(
      double[][] h, double[][] w, BiFunction<Ops, Operand<TFloat32>[], Operand<TFloat32>> op) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> hIn =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h[0].length)));
      Placeholder<TFloat32> wIn =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(w.length, w[0].length)));
      Operand<TFloat32> out = op.apply(tf, new Operand[] {hIn, wIn});
      try (TFloat32 hT = TFloat32.tensorOf(StdArrays.ndCopyOf(toFloat(h)));
          TFloat32 wT = TFloat32.tensorOf(StdArrays.ndCopyOf(toFloat(w)));
          Result result = session.runner().feed(hIn, hT).feed(wIn, wT).fetch(out).run()) {
        TFloat32 value = (TFloat32) result.get(0);
        long rows = value.shape().numDimensions() == 2 ? value.shape().get(0) : 1;
        long cols = value.shape().numDimensions() == 2 ? value.shape().get(1) : 1;
        double[][] matrix = new double[(int) rows][(int) cols];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) {
            matrix[i][j] =
                value.shape().numDimensions() == 2 ? value.getFloat(i, j) : value.getFloat();
          }
        }
        return matrix;
      }
    }
  }

  private static double[][] toMatrix(TFloat64 value) {
    if (value.shape().numDimensions() == 0) {
      return new double[][] {{value.getDouble()}};
    }
    return StdArrays.array2dCopyOf(value);
  }

  static float[][] toFloat(double[][] x) {
    float[][] y = new float[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        y[i][j] = (float) x[i][j];
      }
    }
    return y;
  }
}
