package org.beantf.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10 binary batches: records of 3073 bytes, one label byte then a 32×32 image as three
 * planes (red, green, blue; each row-major). Planes are interleaved into HWC so images come out
 * NHWC like every other dataset.
 */
public final class Cifar10Reader {
  static final int SIDE = 32;
  static final int CHANNELS = 3;
  static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
  static final int RECORD_BYTES = 1 + IMAGE_BYTES;
  private static final int CLASSES = 10;

  private Cifar10Reader() {}

  /** Reads and concatenates batch files (each raw or gzip), in the order given. */
  public static ImageSet read(List<Path> files) {
    List<byte[]> contents = new ArrayList<>();
    for (Path file : files) {
      contents.add(FileBytes.read(file));
    }
    return decode(files, contents);
  }

  /** Decodes the decompressed bytes of batch files; the paths only name them in errors. */
  public static ImageSet decode(List<Path> files, List<byte[]> contents) {
    int records = 0;
    for (int f = 0; f < files.size(); f++) {
      int length = contents.get(f).length;
      if (length % RECORD_BYTES != 0) {
        throw new DataFormatException(
            files.get(f),
            "size "
                + length
                + " bytes is not a multiple of "
                + RECORD_BYTES
                + " (expected whole records of 1 label byte + 3072 pixel bytes)");
      }
      records += length / RECORD_BYTES;
    }
    byte[] pixels = new byte[records * IMAGE_BYTES];
    int[] labels = new int[records];
    int image = 0;
    for (int f = 0; f < files.size(); f++) {
      byte[] bytes = contents.get(f);
      for (int record = 0; record * RECORD_BYTES < bytes.length; record++, image++) {
        int start = record * RECORD_BYTES;
        int label = bytes[start] & 0xff;
        if (label >= CLASSES) {
          throw new DataFormatException(
              files.get(f),
              "label " + label + " at offset " + start + " (expected 0.." + (CLASSES - 1) + ")");
        }
        labels[image] = label;
        planesToHwc(bytes, start + 1, pixels, image * IMAGE_BYTES);
      }
    }
    return ImageSet.ofUnitBytes(pixels, labels, SIDE, SIDE, CHANNELS);
  }

  private static void planesToHwc(byte[] bytes, int from, byte[] pixels, int to) {
    int plane = SIDE * SIDE;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < CHANNELS; c++) {
        pixels[to + p * CHANNELS + c] = bytes[from + c * plane + p];
      }
    }
  }
}
