package org.beantf.data.npy;

import java.nio.ByteOrder;
import java.nio.file.Path;

/** The element types the codec reads: little-endian IEEE floats of 4 and 8 bytes. */
enum NpyDtype {
  FLOAT32("<f4", 4),
  FLOAT64("<f8", 8);

  private static final String EXPECTED = "(expected <f4 or <f8)";

  private final String descr;
  private final int size;

  NpyDtype(String descr, int size) {
    this.descr = descr;
    this.size = size;
  }

  /** The header's {@code descr} as NumPy writes it. */
  String descr() {
    return descr;
  }

  /** Bytes per element. */
  int size() {
    return size;
  }

  /**
   * The dtype named by a header's {@code descr} entry.
   *
   * <p>'=' (native) and '|' (order not applicable) are accepted only where native order is
   * little-endian, since the data is decoded as little-endian.
   */
  static NpyDtype of(Path file, HeaderDict.Entry descr) {
    if (!(descr.value() instanceof String s) || s.length() != 3) {
      throw new NpyFormatException(file, "unsupported dtype " + descr.source() + " " + EXPECTED);
    }
    NpyDtype type =
        switch (s.substring(1)) {
          case "f4" -> FLOAT32;
          case "f8" -> FLOAT64;
          default ->
              throw new NpyFormatException(file, "unsupported dtype '" + s + "' " + EXPECTED);
        };
    char order = s.charAt(0);
    boolean nativeLittle = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    if (order == '<' || ((order == '=' || order == '|') && nativeLittle)) {
      return type;
    }
    if (order == '>' || order == '=' || order == '|') {
      throw new NpyFormatException(
          file,
          "big-endian dtype '" + s + "' is not supported (expected little-endian <f4 or <f8)");
    }
    throw new NpyFormatException(file, "unsupported dtype '" + s + "' " + EXPECTED);
  }
}
