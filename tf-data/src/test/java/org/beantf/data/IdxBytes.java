package org.beantf.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small IDX files (big-endian int header, then one byte per value) and gzips bytes, for
 * tests.
 */
final class IdxBytes {
  private IdxBytes() {}

  /** An images file: magic 2051, count, rows, columns, then {@code pixels}. */
  static byte[] images(int count, int rows, int cols, byte[] pixels) {
    return withHeader(pixels, IdxReader.IMAGES_MAGIC, count, rows, cols);
  }

  /** A labels file: magic 2049, count, then {@code labels}. */
  static byte[] labels(int count, byte[] labels) {
    return withHeader(labels, IdxReader.LABELS_MAGIC, count);
  }

  /** {@code ints} big-endian, then {@code data}. */
  static byte[] withHeader(byte[] data, int... ints) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * ints.length + data.length);
    for (int value : ints) {
      buffer.putInt(value);
    }
    return buffer.put(data).array();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Unsigned values 0..255 as bytes. */
  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
