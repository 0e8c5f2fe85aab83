package org.beantf.data.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable 2-D matrix of {@code float}s, stored row-major (C order).
 *
 * <p>Empty matrices (0 rows or 0 columns) are allowed, as NumPy allows them; they keep their other
 * dimension.
 */
public final class NpyMatrix {
  private final int rows;
  private final int cols;
  private final float[] data;
  private final int zeroedInFloat32;

  private NpyMatrix(int rows, int cols, float[] data) {
    this(rows, cols, data, 0);
  }

  private NpyMatrix(int rows, int cols, float[] data, int zeroedInFloat32) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.zeroedInFloat32 = zeroedInFloat32;
  }

  /**
   * A matrix holding a copy of {@code rowMajor}.
   *
   * @throws IllegalArgumentException if a dimension is negative or {@code rowMajor.length != rows *
   *     cols}
   */
  public static NpyMatrix of(int rows, int cols, float[] rowMajor) {
    Objects.requireNonNull(rowMajor, "rowMajor");
    return wrap(rows, cols, rowMajor.clone());
  }

  /**
   * A matrix holding a copy of {@code rows}, which must all have the same length.
   *
   * @throws IllegalArgumentException if the rows are ragged
   */
  public static NpyMatrix of(float[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    float[] rowMajor = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " values (expected " + cols + ")");
      }
      System.arraycopy(rows[r], 0, rowMajor, r * cols, cols);
    }
    return new NpyMatrix(rows.length, cols, rowMajor);
  }

  /**
   * Takes ownership of {@code rowMajor} without copying: the reader hands over arrays nobody else
   * holds.
   */
  static NpyMatrix wrap(int rows, int cols, float[] rowMajor) {
    return wrap(rows, cols, rowMajor, 0);
  }

  /** As {@link #wrap(int, int, float[])}, recording how many nonzero float64 values became 0. */
  static NpyMatrix wrap(int rows, int cols, float[] rowMajor, int zeroedInFloat32) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    if ((long) rows * cols != rowMajor.length) {
      throw new IllegalArgumentException(
          "shape "
              + rows
              + "x"
              + cols
              + " needs "
              + (long) rows * cols
              + " values, got "
              + rowMajor.length);
    }
    return new NpyMatrix(rows, cols, rowMajor, zeroedInFloat32);
  }

  /**
   * How many values of a float64 file were nonzero but too small for float32, and read as 0 (0 for
   * a float32 file): a caller warns about them.
   */
  public int zeroedInFloat32() {
    return zeroedInFloat32;
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The number of columns. */
  public int cols() {
    return cols;
  }

  /**
   * The value at row {@code r}, column {@code c}.
   *
   * @throws IndexOutOfBoundsException if either index is out of range
   */
  public float get(int r, int c) {
    Objects.checkIndex(r, rows);
    Objects.checkIndex(c, cols);
    return data[r * cols + c];
  }

  /** A copy of the values, row-major (C order). */
  public float[] data() {
    return data.clone();
  }

  /** A copy of the values as {@code rows} arrays of {@code cols} floats. */
  public float[][] toFloatRows() {
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }
    return out;
  }

  /** The values without copying, for the writer only. */
  float[] rawData() {
    return data;
  }

  /**
   * Equal shape and bit-identical values (so NaN equals NaN, as in {@link Arrays#equals(float[],
   * float[])}).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof NpyMatrix m
        && rows == m.rows
        && cols == m.cols
        && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "NpyMatrix[" + rows + "x" + cols + "]";
  }
}
