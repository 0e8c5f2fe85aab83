package org.beantf.data.npy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds NPY files byte by byte, so the tests need neither Python nor the writer under test. */
final class NpyBytes {
  private NpyBytes() {}

  /**
   * Magic, version {@code major}.0, the header length (2 bytes for 1.0, else 4) and {@code header}
   * verbatim.
   */
  static byte[] file(int major, String header, byte[] data) {
    byte[] text =
        header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      length.putShort((short) text.length);
    } else {
      length.putInt(text.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(NpyHeader.MAGIC);
    out.write(major);
    out.write(0);
    out.writeBytes(length.array());
    out.writeBytes(text);
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** A version 1.0 file with {@code header} verbatim. */
  static byte[] file(String header, byte[] data) {
    return file(1, header, data);
  }

  static byte[] floats(float... values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    out.asFloatBuffer().put(values);
    return out.array();
  }

  static byte[] doubles(double... values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    out.asDoubleBuffer().put(values);
    return out.array();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
