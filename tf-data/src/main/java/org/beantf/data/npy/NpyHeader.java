package org.beantf.data.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an NPY header says about the data that follows: element type, memory order and a 2-D shape.
 *
 * @param dtype the element type
 * @param fortranOrder true if the data is column-major
 * @param rows the first dimension
 * @param cols the second dimension
 */
record NpyHeader(NpyDtype dtype, boolean fortranOrder, int rows, int cols) {
  /** The six bytes every NPY file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** Java arrays cannot hold more elements than this on common VMs. */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  /** NumPy pads the preamble and header to this so the data can be memory-mapped aligned. */
  private static final int ALIGN = 64;

  /**
   * NumPy leaves room for the growing axis to reach this many digits, so a header can be rewritten
   * in place.
   */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  /** Magic, version and the 2-byte header length of version 1.0. */
  private static final int PREAMBLE_V1 = MAGIC.length + 2 + 2;

  /** The number of elements. */
  long values() {
    return (long) rows * cols;
  }

  /** The size of the data section in bytes. */
  long dataBytes() {
    return values() * dtype.size();
  }

  /**
   * Reads a parsed header dict; keys other than descr, fortran_order and shape are ignored.
   *
   * @throws NpyFormatException if a key is missing or a value is unsupported
   */
  static NpyHeader of(Path file, Map<String, HeaderDict.Entry> dict) {
    NpyDtype dtype = NpyDtype.of(file, required(file, dict, "descr"));
    HeaderDict.Entry order = required(file, dict, "fortran_order");
    if (!(order.value() instanceof Boolean fortran)) {
      throw new NpyFormatException(
          file, "fortran_order " + order.source() + " is not True or False");
    }
    HeaderDict.Entry shape = required(file, dict, "shape");
    if (!(shape.value() instanceof List<?> dims)) {
      throw new NpyFormatException(
          file, "shape " + shape.source() + " is not a tuple (expected a 2-D array)");
    }
    if (dims.size() != 2) {
      throw new NpyFormatException(
          file, "shape " + shape.source() + " is " + dims.size() + "-D (expected a 2-D array)");
    }
    if (!(dims.get(0) instanceof Long rows && dims.get(1) instanceof Long cols)) {
      throw new NpyFormatException(file, "shape " + shape.source() + " does not hold two integers");
    }
    // Both checks are needed: an empty matrix can have one huge dimension.
    if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE || rows * cols > MAX_VALUES) {
      throw new NpyFormatException(
          file,
          "shape " + shape.source() + " is too large (expected at most " + MAX_VALUES + " values)");
    }
    return new NpyHeader(dtype, fortran, rows.intValue(), cols.intValue());
  }

  private static HeaderDict.Entry required(
      Path file, Map<String, HeaderDict.Entry> dict, String key) {
    HeaderDict.Entry entry = dict.get(key);
    if (entry == null) {
      throw new NpyFormatException(
          file, "header has no '" + key + "' key (expected 'descr', 'fortran_order' and 'shape')");
    }
    return entry;
  }

  /** Magic, version 1.0 and the header, byte for byte as {@code numpy.save} writes them. */
  byte[] toBytes() {
    String dict =
        "{'descr': '"
            + dtype.descr()
            + "', 'fortran_order': "
            + (fortranOrder ? "True" : "False")
            + ", 'shape': ("
            + rows
            + ", "
            + cols
            + "), }";
    int growing = fortranOrder ? cols : rows;
    String grown = dict + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(growing).length());
    // As NumPy: 1 to 64 spaces, then a newline, end the header on a 64-byte boundary.
    int pad = ALIGN - (PREAMBLE_V1 + grown.length() + 1) % ALIGN;
    byte[] text = (grown + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(PREAMBLE_V1 + text.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(MAGIC)
        .put((byte) 1)
        .put((byte) 0)
        .putShort((short) text.length)
        .put(text)
        .array();
  }
}
