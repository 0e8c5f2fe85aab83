package org.beantf.models.nn;

import org.tensorflow.ndarray.Shape;

/**
 * The value of one model variable, held in Java: what a session read from it, or what a graph is to
 * be given (a pruned model's shrunk kernels).
 *
 * @param name as in the checkpoint ("fc1/kernel")
 * @param shape its shape, e.g. [in, units]
 * @param values its values in row-major order, {@code shape.size()} of them
 */
public record VariableValue(String name, VariableStore.Kind kind, Shape shape, float[] values) {
  public VariableValue {
    if (shape.size() != values.length) {
      throw new IllegalArgumentException(
          name + ": " + values.length + " values for shape " + shape);
    }
  }

  /** The value of a 2-D variable as [rows][columns]. */
  public float[][] matrix() {
    if (shape.numDimensions() != 2) {
      throw new IllegalStateException(name + " is not a matrix: " + shape);
    }
    int rows = (int) shape.get(0);
    int columns = (int) shape.get(1);
    float[][] matrix = new float[rows][columns];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(values, r * columns, matrix[r], 0, columns);
    }
    return matrix;
  }
}
