package org.beantf.data.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Extracts chosen regular files from a tar stream (ustar, with GNU long names): enough for npm
 * packages, the data part of a .deb, and the CIFAR-10 archive, without a dependency.
 */
final class Tar {
  private static final int BLOCK = 512;

  private Tar() {}

  /**
   * Reads the whole stream; each regular file for which {@code target} returns a path is written
   * there.
   *
   * @return entry name → written path, in stream order
   */
  static Map<String, Path> extract(InputStream in, Function<String, Path> target)
      throws IOException {
    Map<String, Path> written = new LinkedHashMap<>();
    byte[] header = new byte[BLOCK];
    String longName = null;
    while (readBlock(in, header)) {
      if (isZero(header)) {
        break;
      }
      String name = longName != null ? longName : fullName(header);
      longName = null;
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      if (type == 'L') { // GNU long name: the next entry's name is this entry's data
        longName = new String(readData(in, size), StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      Path path = (type == '0' || type == '\0') ? target.apply(name) : null;
      if (path != null) {
        try (OutputStream out = Files.newOutputStream(path)) {
          copy(in, out, size);
        }
        written.put(name, path);
      } else {
        skip(in, size);
      }
      skip(in, padding(size));
    }
    return written;
  }

  private static String fullName(byte[] header) {
    String name = text(header, 0, 100);
    boolean ustar = text(header, 257, 5).equals("ustar");
    String prefix = ustar ? text(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8).trim();
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String digits = text(header, offset, length);
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IOException("not a tar archive: size field '" + digits + "'");
    }
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("truncated tar header");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("truncated tar entry");
    }
    skip(in, padding(size));
    return data;
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("truncated tar entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    in.skipNBytes(bytes);
  }
}
