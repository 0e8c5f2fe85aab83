package org.beantf.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads MNIST-style IDX files: an images file (magic 2051: count, rows, columns, then one unsigned
 * byte per pixel) and a labels file (magic 2049: count, then one byte per label), sizes big-endian,
 * raw or gzip.
 */
public final class IdxReader {
  static final int IMAGES_MAGIC = 2051;
  static final int LABELS_MAGIC = 2049;

  /** Label values the built-in datasets use: 0..9. */
  static final int CLASSES = 10;

  private IdxReader() {}

  /**
   * Reads an images file and its labels file (each raw or gzip) into pixels in [0,1] (held as
   * bytes), NHWC with C = 1, labels 0..9.
   */
  public static ImageSet read(Path images, Path labels) {
    return read(images, labels, CLASSES);
  }

  /**
   * Reads an images file and its labels file (each raw or gzip) with labels 0..classes-1.
   *
   * @throws DataFormatException naming the file and offset of a malformed header, a count that does
   *     not match, or a label of {@code classes} or more
   */
  public static ImageSet read(Path images, Path labels, int classes) {
    return decode(images, FileBytes.read(images), labels, FileBytes.read(labels), classes);
  }

  /**
   * Decodes the decompressed bytes of an images file and a labels file; the paths only name them in
   * errors.
   */
  public static ImageSet decode(
      Path imagesFile, byte[] imageBytes, Path labelsFile, byte[] labelBytes) {
    return decode(imagesFile, imageBytes, labelsFile, labelBytes, CLASSES);
  }

  private static ImageSet decode(
      Path imagesFile, byte[] imageBytes, Path labelsFile, byte[] labelBytes, int classes) {
    ByteBuffer imageHeader = header(imagesFile, imageBytes, IMAGES_MAGIC, 16);
    int count = nonNegative(imagesFile, imageHeader.getInt(4), 4, "image count");
    int rows = positive(imagesFile, imageHeader.getInt(8), 8, "row count");
    int cols = positive(imagesFile, imageHeader.getInt(12), 12, "column count");
    checkLength(imagesFile, imageBytes.length, 16, (long) count * rows * cols);

    ByteBuffer labelHeader = header(labelsFile, labelBytes, LABELS_MAGIC, 8);
    int labelCount = nonNegative(labelsFile, labelHeader.getInt(4), 4, "label count");
    if (labelCount != count) {
      throw new DataFormatException(
          labelsFile,
          labelCount
              + " labels for "
              + count
              + " images in "
              + imagesFile.getFileName()
              + " (expected equal counts)");
    }
    checkLength(labelsFile, labelBytes.length, 8, count);

    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = labelBytes[8 + i] & 0xff;
      if (label >= classes) {
        throw new DataFormatException(
            labelsFile,
            "label " + label + " at offset " + (8 + i) + " (expected 0.." + (classes - 1) + ")");
      }
      labels[i] = label;
    }
    return ImageSet.ofUnitBytes(
        Arrays.copyOfRange(imageBytes, 16, 16 + count * rows * cols), labels, rows, cols, 1);
  }

  private static ByteBuffer header(Path file, byte[] bytes, int magic, int headerBytes) {
    if (bytes.length < headerBytes) {
      throw new DataFormatException(
          file,
          "truncated header: " + bytes.length + " bytes (expected at least " + headerBytes + ")");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, headerBytes); // big-endian, as IDX is
    int found = header.getInt(0);
    if (found != magic) {
      throw new DataFormatException(
          file,
          "magic number "
              + found
              + " at offset 0 (expected "
              + magic
              + ", "
              + (magic == IMAGES_MAGIC ? "an IDX images file" : "an IDX labels file")
              + ")");
    }
    return header;
  }

  private static void checkLength(Path file, int length, int headerBytes, long values) {
    long expected = headerBytes + values;
    if (length != expected) {
      throw new DataFormatException(
          file,
          (length < expected ? "truncated data: " : "trailing data: ")
              + length
              + " bytes (the header announces "
              + values
              + " values after offset "
              + headerBytes
              + ", so expected "
              + expected
              + ")");
    }
  }

  private static int nonNegative(Path file, int value, int offset, String what) {
    if (value < 0) {
      throw new DataFormatException(
          file, what + " " + value + " at offset " + offset + " (expected ≥ 0)");
    }
    return value;
  }

  private static int positive(Path file, int value, int offset, String what) {
    if (value <= 0) {
      throw new DataFormatException(
          file, what + " " + value + " at offset " + offset + " (expected > 0)");
    }
    return value;
  }
}
