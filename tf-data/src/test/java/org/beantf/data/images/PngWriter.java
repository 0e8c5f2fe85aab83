package org.beantf.data.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A test-only PNG encoder, independent of ImageIO: writes the raw samples a test chooses, so the
 * expected values of a decode are those samples / (2^bits − 1).
 *
 * <p>Writes the signature, IHDR, optional PLTE and tRNS, one IDAT (deflate, filter byte 0 on every
 * row), IEND, each chunk with its CRC-32; Adam7 interlacing is done here, pass by pass.
 */
final class PngWriter {
  static final int GREY = 0;
  static final int RGB = 2;
  static final int PALETTE = 3;
  static final int GREY_ALPHA = 4;
  static final int RGBA = 6;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Adam7 passes: x start, y start, x step, y step. */
  private static final int[][] ADAM7 = {
    {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}
  };

  private final int width;
  private final int height;
  private final int colorType;
  private final int bitDepth;
  private int[] samples;
  private int[] palette;
  private int[] trns;
  private boolean interlaced;

  PngWriter(int width, int height, int colorType, int bitDepth) {
    this.width = width;
    this.height = height;
    this.colorType = colorType;
    this.bitDepth = bitDepth;
  }

  /** Samples per pixel for a colour type (palette: the index). */
  static int samplesPerPixel(int colorType) {
    return switch (colorType) {
      case GREY, PALETTE -> 1;
      case GREY_ALPHA -> 2;
      case RGB -> 3;
      case RGBA -> 4;
      default -> throw new IllegalArgumentException("colour type " + colorType);
    };
  }

  /** Row-major samples, {@link #samplesPerPixel} per pixel. */
  PngWriter samples(int... samples) {
    if (samples.length != width * height * samplesPerPixel(colorType)) {
      throw new IllegalArgumentException(samples.length + " samples");
    }
    this.samples = samples;
    return this;
  }

  /** PLTE: R, G, B per entry. */
  PngWriter palette(int... rgb) {
    this.palette = rgb;
    return this;
  }

  /** tRNS: the grey value, the R, G, B values, or one alpha per palette entry. */
  PngWriter trns(int... values) {
    this.trns = values;
    return this;
  }

  PngWriter interlaced(boolean interlaced) {
    this.interlaced = interlaced;
    return this;
  }

  Path write(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(SIGNATURE);
    chunk(out, "IHDR", ihdr(width, height, bitDepth, colorType, interlaced ? 1 : 0));
    if (palette != null) {
      byte[] plte = new byte[palette.length];
      for (int i = 0; i < palette.length; i++) {
        plte[i] = (byte) palette[i];
      }
      chunk(out, "PLTE", plte);
    }
    if (trns != null) {
      ByteArrayOutputStream t = new ByteArrayOutputStream();
      for (int v : trns) {
        if (colorType == PALETTE) {
          t.write(v);
        } else {
          t.write(v >> 8);
          t.write(v);
        }
      }
      chunk(out, "tRNS", t.toByteArray());
    }
    chunk(out, "IDAT", deflate(filtered()));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** The rows to compress: each pass (or the whole image) row by row, each row after a 0. */
  private byte[] filtered() {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    int[][] passes = interlaced ? ADAM7 : new int[][] {{0, 0, 1, 1}};
    for (int[] p : passes) {
      int columns = (width - p[0] + p[2] - 1) / p[2];
      int lines = (height - p[1] + p[3] - 1) / p[3];
      if (columns <= 0 || lines <= 0) {
        continue;
      }
      for (int y = p[1]; y < height; y += p[3]) {
        rows.write(0);
        BitPacker row = new BitPacker(rows, bitDepth);
        for (int x = p[0]; x < width; x += p[2]) {
          int spp = samplesPerPixel(colorType);
          for (int c = 0; c < spp; c++) {
            row.put(samples[(y * width + x) * spp + c]);
          }
        }
        row.finish();
      }
    }
    return rows.toByteArray();
  }

  /** Samples of 1, 2, 4, 8 or 16 bits, most significant first, each row ending on a byte. */
  private static final class BitPacker {
    private final ByteArrayOutputStream out;
    private final int bits;
    private int current;
    private int used;

    BitPacker(ByteArrayOutputStream out, int bits) {
      this.out = out;
      this.bits = bits;
    }

    void put(int v) {
      if (v < 0 || v >= 1 << bits) {
        throw new IllegalArgumentException(v + " does not fit " + bits + " bits");
      }
      if (bits == 16) {
        out.write(v >> 8);
        out.write(v);
      } else if (bits == 8) {
        out.write(v);
      } else {
        current |= v << (8 - bits - used);
        used += bits;
        if (used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    void finish() {
      if (used > 0) {
        out.write(current);
        current = 0;
        used = 0;
      }
    }
  }

  static byte[] ihdr(int width, int height, int bitDepth, int colorType, int interlace) {
    return new byte[] {
      (byte) (width >>> 24),
      (byte) (width >>> 16),
      (byte) (width >>> 8),
      (byte) width,
      (byte) (height >>> 24),
      (byte) (height >>> 16),
      (byte) (height >>> 8),
      (byte) height,
      (byte) bitDepth,
      (byte) colorType,
      0,
      0,
      (byte) interlace
    };
  }

  static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    chunk(out, type, data, data.length);
  }

  static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.write(
        new byte[] {
          (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
        });
    out.write(name);
    out.write(data, 0, length);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, 0, length);
    long c = crc.getValue();
    out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /**
   * Writes a valid all-zero 8-bit grey PNG of {@code width × height} to {@code file}, streaming the
   * rows through a Deflater a row at a time: never the whole image in memory.
   */
  static void writeZeros(Path file, int width, int height) throws IOException {
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(SIGNATURE);
      chunk(out, "IHDR", ihdr(width, height, 8, GREY, 0));
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      byte[] row = new byte[width + 1];
      byte[] buffer = new byte[1 << 16];
      for (int y = 0; y < height; y++) {
        deflater.setInput(row);
        while (!deflater.needsInput()) {
          int n = deflater.deflate(buffer);
          if (n > 0) {
            chunk(out, "IDAT", buffer, n);
          }
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        if (n > 0) {
          chunk(out, "IDAT", buffer, n);
        }
      }
      deflater.end();
      chunk(out, "IEND", new byte[0]);
    }
  }
}
