package org.beantf.data.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds tar archives by hand, 512-byte ustar headers and all, for tests. */
final class TarBuilder {
  private static final int BLOCK = 512;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A regular file named {@code name} (at most 100 bytes). */
  TarBuilder file(String name, byte[] data) {
    return entry("", name, '0', data);
  }

  /** A regular file whose name is split into the ustar prefix field and the name field. */
  TarBuilder prefixedFile(String prefix, String name, byte[] data) {
    return entry(prefix, name, '0', data);
  }

  /**
   * A GNU 'L' entry carrying {@code longName}, then a regular file whose own name field is cut to
   * 100 bytes.
   */
  TarBuilder longNamedFile(String longName, byte[] data) {
    entry("", "././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8));
    return entry("", longName.substring(0, 100), '0', data);
  }

  TarBuilder directory(String name) {
    return entry("", name, '5', new byte[0]);
  }

  TarBuilder symlink(String name) {
    return entry("", name, '2', new byte[0]);
  }

  /** The two zero blocks that end an archive. */
  TarBuilder end() {
    out.writeBytes(new byte[2 * BLOCK]);
    return this;
  }

  /** Bytes as they are, e.g. to cut an archive short or put something after its end. */
  TarBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private TarBuilder entry(String prefix, String name, char type, byte[] data) {
    byte[] header = new byte[BLOCK];
    put(header, 0, 100, name);
    put(header, 100, 8, "0000644");
    put(header, 108, 8, "0000000");
    put(header, 116, 8, "0000000");
    put(header, 124, 12, String.format("%011o", data.length));
    put(header, 136, 12, "00000000000");
    header[156] = (byte) type;
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    put(header, 345, 155, prefix);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int checksum = 0;
    for (byte b : header) {
      checksum += b & 0xff;
    }
    put(header, 148, 8, String.format("%06o", checksum));
    out.writeBytes(header);
    out.writeBytes(data);
    out.writeBytes(new byte[(BLOCK - data.length % BLOCK) % BLOCK]);
    return this;
  }

  private static void put(byte[] header, int offset, int length, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > length) {
      throw new IllegalArgumentException("'" + text + "' does not fit in " + length + " bytes");
    }
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
