package org.beantf.data.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An N-D array's header: element type and shape; C order only, except for arrays of rank 0 or 1
 * (where both orders are the same).
 */
record NpyArrayHeader(Type type, long[] shape) {

  /** The element types an array may hold, with their decoding. */
  enum Type {
    FLOAT32("f4", 4),
    FLOAT64("f8", 8),
    UINT8("u1", 1),
    INT8("i1", 1),
    BOOL("b1", 1),
    INT16("i2", 2),
    UINT16("u2", 2),
    INT32("i4", 4),
    UINT32("u4", 4),
    INT64("i8", 8),
    UINT64("u8", 8);

    private final String code;
    private final int size;

    Type(String code, int size) {
      this.code = code;
      this.size = size;
    }

    int size() {
      return size;
    }

    /** The values of {@code data}, little-endian. */
    NpyArray decode(Path file, long[] shape, ByteBuffer data) {
      int n = data.remaining() / size;
      String descr = (size == 1 ? "|" : "<") + code;
      switch (this) {
        case FLOAT32 -> {
          float[] out = new float[n];
          data.asFloatBuffer().get(out);
          return new NpyArray(file, shape, descr, out, null, null, 0);
        }
        case FLOAT64 -> {
          float[] out = new float[n];
          int zeroed = 0;
          for (int i = 0; i < n; i++) {
            double value = data.getDouble(i * 8);
            int at = i;
            float rounded = Float32Cast.of(file, value, () -> "flat index " + at);
            if (rounded == 0 && value != 0) {
              zeroed++;
            }
            out[i] = rounded;
          }
          return new NpyArray(file, shape, descr, out, null, null, zeroed);
        }
        case UINT8 -> {
          byte[] out = new byte[n];
          data.get(out);
          return new NpyArray(file, shape, descr, null, out, null, 0);
        }
        default -> {
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            out[i] = integer(file, data, i);
          }
          return new NpyArray(file, shape, descr, null, null, out, 0);
        }
      }
    }

    private long integer(Path file, ByteBuffer data, int i) {
      return switch (this) {
        case INT8, BOOL -> data.get(i);
        case INT16 -> data.getShort(i * 2);
        case UINT16 -> Short.toUnsignedLong(data.getShort(i * 2));
        case INT32 -> data.getInt(i * 4);
        case UINT32 -> Integer.toUnsignedLong(data.getInt(i * 4));
        case INT64 -> data.getLong(i * 8);
        case UINT64 -> {
          long v = data.getLong(i * 8);
          if (v < 0) {
            throw new NpyFormatException(
                file,
                "holds " + Long.toUnsignedString(v) + " at flat index " + i + " (expected < 2^63)");
          }
          yield v;
        }
        default -> throw new IllegalStateException(name());
      };
    }
  }

  /** The number of values. */
  long count() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /**
   * @throws NpyFormatException for an unsupported dtype, big-endian data, a Fortran-order array of
   *     rank 2 or more, or a shape of more than {@link NpyHeader#MAX_VALUES} values
   */
  static NpyArrayHeader of(Path file, Map<String, HeaderDict.Entry> dict) {
    HeaderDict.Entry descr = entry(file, dict, "descr");
    Type type = type(file, descr);
    HeaderDict.Entry shapeEntry = entry(file, dict, "shape");
    if (!(shapeEntry.value() instanceof List<?> dims)) {
      throw new NpyFormatException(file, "shape " + shapeEntry.source() + " is not a tuple");
    }
    long[] shape = new long[dims.size()];
    double values = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long d) || d < 0) {
        throw new NpyFormatException(
            file, "shape " + shapeEntry.source() + " does not hold non-negative integers");
      }
      shape[i] = d;
      values *= d;
    }
    if (values * type.size() > NpyHeader.MAX_VALUES) {
      throw new NpyFormatException(
          file,
          "shape "
              + shapeEntry.source()
              + " is too large (expected at most "
              + NpyHeader.MAX_VALUES
              + " bytes of data)");
    }
    if (entry(file, dict, "fortran_order").value() instanceof Boolean fortran
        && fortran
        && shape.length > 1) {
      throw new NpyFormatException(
          file,
          "fortran_order True for a "
              + shape.length
              + "-D array (expected C order, as numpy.save writes by default;"
              + " numpy.ascontiguousarray converts)");
    }
    return new NpyArrayHeader(type, shape);
  }

  private static Type type(Path file, HeaderDict.Entry descr) {
    String expected =
        "(expected a little-endian number: |u1, <f4, <f8 or another integer or boolean type)";
    if (!(descr.value() instanceof String s) || s.length() != 3) {
      throw new NpyFormatException(file, "unsupported dtype " + descr.source() + " " + expected);
    }
    char order = s.charAt(0);
    boolean nativeLittle = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    for (Type type : Type.values()) {
      if (s.substring(1).equals(type.code)) {
        boolean little =
            order == '<' || ((order == '=' || order == '|') && nativeLittle) || type.size == 1;
        if (!little) {
          throw new NpyFormatException(file, "big-endian dtype '" + s + "' " + expected);
        }
        return type;
      }
    }
    throw new NpyFormatException(file, "unsupported dtype '" + s + "' " + expected);
  }

  private static HeaderDict.Entry entry(Path file, Map<String, HeaderDict.Entry> dict, String key) {
    HeaderDict.Entry entry = dict.get(key);
    if (entry == null) {
      throw new NpyFormatException(
          file, "header has no '" + key + "' key (expected 'descr', 'fortran_order' and 'shape')");
    }
    return entry;
  }
}
