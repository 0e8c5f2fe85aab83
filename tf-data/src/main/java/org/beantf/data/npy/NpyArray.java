package org.beantf.data.npy;

import java.nio.file.Path;

/**
 * An N-D NPY array as read: float values ({@code <f4}, {@code <f8}), unsigned bytes ({@code |u1}),
 * or integers (every other integer and boolean dtype), in C order.
 *
 * @param file the file read, for messages
 * @param shape the array's shape (empty for a scalar)
 * @param dtype the header's descr, such as "&lt;f8" or "|u1"
 * @param floats the values of a float array (float64 rounded to float32), else null
 * @param unsignedBytes the values of a uint8 array, else null
 * @param integers the values of any other integer or boolean array, else null
 * @param zeroedInFloat32 float64 values other than 0 that float32 rounds to 0
 */
public record NpyArray(
    Path file,
    long[] shape,
    String dtype,
    float[] floats,
    byte[] unsignedBytes,
    long[] integers,
    int zeroedInFloat32) {

  /** The shape as "(S, 28, 28)", NumPy's spelling. */
  public String describeShape() {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      out.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return out.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
