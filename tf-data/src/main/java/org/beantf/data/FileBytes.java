package org.beantf.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a whole file, decompressing it when it is gzip (recognised by its magic bytes, not its
 * name).
 */
public final class FileBytes {
  private FileBytes() {}

  /**
   * The file's bytes, gunzipped if it starts with the gzip magic 1f 8b.
   *
   * @throws BadInputException if the file is missing or its gzip stream is corrupt
   */
  public static byte[] read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return isGzip(bytes) ? gunzip(file, bytes) : bytes;
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(Path file, byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 1 << 16)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DataFormatException(file, "corrupt gzip data (" + e.getMessage() + ")");
    }
  }
}
