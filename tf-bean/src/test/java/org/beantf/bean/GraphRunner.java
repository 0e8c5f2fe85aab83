package org.beantf.bean;

import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Runs small graphs of the BEAN ops on double or float matrices fed through placeholders (test helper). */
final class GraphRunner {
  private GraphRunner() {}

  /** Builds {@code op(tf, h, w)} in float64 and returns its scalar value. */
  static double scalar64(double[][] h, double[][] w,
      BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op) {
    return run64(h, w, op)[0][0];
  }

  /** Builds {@code op(tf, {h, w})} in float64 and returns its value as a matrix (a scalar as 1×1). */
  @SuppressWarnings("unchecked")
  static double[][] run64(double[][] h, double[][] w,
      BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat64> hIn = tf.placeholder(TFloat64.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, h[0].length)));
      Placeholder<TFloat64> wIn = tf.placeholder(TFloat64.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(w.length, w[0].length)));
      Operand<TFloat64> out = op.apply(tf, new Operand[] {hIn, wIn});
      try (TFloat64 hT = TFloat64.tensorOf(StdArrays.ndCopyOf(h));
          TFloat64 wT = TFloat64.tensorOf(StdArrays.ndCopyOf(w));
          Result result = session.runner().feed(hIn, hT).feed(wIn, wT).fetch(out).run()) {
        TFloat64 value = (TFloat64) result.get(0);
        return toMatrix(value);
      }
    }
  }

  /** The same in float32: inputs rounded to float, the result widened back. */
  @SuppressWarnings("unchecked")
  static double[][] run32(double[][] h, double[][] w,
      BiFunction<Ops, Operand<TFloat32>[], Operand<TFloat32>> op) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> hIn = tf.placeholder(TFloat32.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, h[0].length)));
      Placeholder<TFloat32> wIn = tf.placeholder(TFloat32.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(w.length, w[0].length)));
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
            matrix[i][j] = value.shape().numDimensions() == 2 ? value.getFloat(i, j) : value.getFloat();
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
