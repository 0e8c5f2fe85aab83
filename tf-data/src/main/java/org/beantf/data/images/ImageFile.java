package org.beantf.data.images;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.beantf.data.BadInputException;

/**
 * An image file opened for one of ImageIO's readers: its format told by its first bytes, and a
 * stream over it (the whole file in memory when it is small, else the file itself, so that a header
 * is read without reading a large file).
 */
final class ImageFile implements Closeable {
  /** Files up to this size are read whole, in one call. */
  private static final long READ_WHOLE = 8L << 20;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  static {
    ImageIO.setUseCache(false);
  }

  /** The reader providers, looked up once: ImageIO's registry is slow to search per file. */
  private static final class Providers {
    static final ImageReaderSpi PNG = provider("png");
    static final ImageReaderSpi JPEG = provider("jpeg");

    private static ImageReaderSpi provider(String format) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      if (!readers.hasNext()) {
        throw new IllegalStateException("no ImageIO reader for " + format);
      }
      ImageReader reader = readers.next();
      ImageReaderSpi provider = reader.getOriginatingProvider();
      reader.dispose();
      return provider;
    }
  }

  final Path file;

  /** {@code "png"} or {@code "jpeg"}. */
  final String format;

  final ImageInputStream stream;

  private ImageFile(Path file, String format, ImageInputStream stream) {
    this.file = file;
    this.format = format;
    this.stream = stream;
  }

  /**
   * Opens {@code file}.
   *
   * @throws BadInputException if it cannot be read (with the system's reason), is empty, or starts
   *     with neither the PNG nor the JPEG signature
   */
  static ImageFile open(Path file) {
    RandomAccessFile raf;
    try {
      raf = new RandomAccessFile(file.toFile(), "r");
    } catch (FileNotFoundException e) {
      throw new BadInputException(file + ": cannot be read (" + reason(e) + ")", e);
    }
    boolean handedOver = false;
    try {
      long length = raf.length();
      if (length == 0) {
        throw new BadInputException(file + ": empty file (expected a PNG or JPEG image)");
      }
      byte[] start;
      ImageInputStream stream;
      if (length <= READ_WHOLE) {
        byte[] bytes = new byte[(int) length];
        raf.readFully(bytes);
        start = bytes;
        stream = new ByteArrayImageInputStream(bytes);
      } else {
        start = new byte[PNG_SIGNATURE.length];
        raf.readFully(start);
        raf.seek(0);
        stream = new FileImageInputStream(raf);
        handedOver = true;
      }
      String format;
      if (startsWith(start, PNG_SIGNATURE)) {
        format = "png";
      } else if (startsWith(start, JPEG_SIGNATURE)) {
        format = "jpeg";
      } else {
        stream.close();
        throw new BadInputException(
            file + ": neither a PNG nor a JPEG by its first bytes (expected a PNG or JPEG image)");
      }
      return new ImageFile(file, format, stream);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + reason(e) + ")", e);
    } finally {
      if (!handedOver) {
        closeQuietly(raf);
      }
    }
  }

  /** A new reader for this file's format, its input set to this file's stream. */
  ImageReader reader() throws IOException {
    ImageReader reader =
        ("png".equals(format) ? Providers.PNG : Providers.JPEG).createReaderInstance();
    reader.setInput(stream, true, false);
    return reader;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      // nothing was written: nothing is lost
    }
  }

  /**
   * The system's reason for an I/O failure: "Permission denied" out of "/a/b (Permission denied)",
   * else the message.
   */
  static String reason(IOException e) {
    String message = String.valueOf(e.getMessage());
    int open = message.lastIndexOf(" (");
    if (e instanceof FileNotFoundException && open >= 0 && message.endsWith(")")) {
      return message.substring(open + 2, message.length() - 1);
    }
    return message;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static void closeQuietly(RandomAccessFile raf) {
    try {
      raf.close();
    } catch (IOException e) {
      // read only: nothing is lost
    }
  }
}
