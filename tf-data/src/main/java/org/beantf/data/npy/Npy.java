package org.beantf.data.npy;

import java.nio.file.Path;

/**
 * Reads and writes 2-D float matrices in NumPy's NPY format (header versions 1.0, 2.0 and 3.0).
 *
 * @see <a
 *     href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class Npy {
  private Npy() {}

  /**
   * Reads a 2-D array of dtype {@code <f4} or {@code <f8}, in C or Fortran order, as a row-major
   * matrix.
   *
   * <p>float64 values are rounded to the nearest float32 (beyond float32's range they become
   * infinite). '=' and '|' byte-order markers count as little-endian where that is the native
   * order; big-endian data is rejected. Header keys may come in any order; keys other than descr,
   * fortran_order and shape are ignored. Empty arrays (0 rows or 0 columns) are read. Non-finite
   * values are returned as they are: callers decide.
   *
   * @throws NpyFormatException if the file is missing or is not such an array; the message names
   *     the file, the offending value or byte offset, and what was expected
   * @throws java.io.UncheckedIOException if the file exists but cannot be read
   */
  public static NpyMatrix read(Path file) {
    return NpyReader.read(file);
  }

  /**
   * Reads an array of any rank and of dtype uint8, float32, float64 or any other integer or boolean
   * type, little-endian, in C order (Fortran order only up to rank 1): what a dataset of examples
   * and labels holds.
   *
   * @throws NpyFormatException if the file is missing or is not such an array, naming the file and
   *     what was expected; or holds a float64 value outside float32's range
   * @throws java.io.UncheckedIOException if the file exists but cannot be read
   */
  public static NpyArray readArray(Path file) {
    return NpyReader.readArray(file);
  }

  /**
   * Writes {@code matrix} as a version 1.0, little-endian float32, C-order NPY file, with the
   * header NumPy would write (padded with spaces and a newline to a multiple of 64 bytes).
   *
   * <p>Parent directories are created. The bytes go to a temporary file in the same directory,
   * which is then renamed over {@code file} (atomically where the file system allows), so a failed
   * write leaves no partial file.
   *
   * @throws org.beantf.data.io.OutputWriteException if the file cannot be written, naming it and
   *     the operating system's reason
   */
  public static void writeFloat32(Path file, NpyMatrix matrix) {
    NpyWriter.writeFloat32(file, matrix);
  }
}
