package org.beantf.data.npy;

import java.nio.file.Path;
import java.util.function.Supplier;

/** float64 values read as float32, the precision BEAN computes in. */
final class Float32Cast {
  private Float32Cast() {}

  /**
   * {@code value} rounded to the nearest float32.
   *
   * @param where the value's place in the file, for the message ("[2, 3]", "flat index 7")
   * @throws NpyFormatException for a finite value beyond float32's range, reported as the file
   *     holds it (after the cast it would read as an infinity it never held)
   */
  static float of(Path file, double value, Supplier<String> where) {
    float rounded = (float) value;
    if (Float.isInfinite(rounded) && Double.isFinite(value)) {
      throw new NpyFormatException(
          file,
          "holds "
              + value
              + " at "
              + where.get()
              + ", outside float32's range (±3.4e38; BEAN computes in float32)");
    }
    return rounded;
  }
}
