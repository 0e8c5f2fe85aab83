package org.beantf.data.images;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;

/**
 * The raw samples of a PNG decoded by the JDK's reader, read from its raster (never through its
 * colour model's RGB conversion).
 *
 * <p>What the JDK's reader returns, and what is taken from it: grey of 1, 2 or 4 bits comes as
 * indices into a grey ramp, which are the grey samples themselves; palettes come as indices,
 * expanded here through the palette's R, G, B (and alpha, from tRNS) arrays; grey and RGB with a
 * tRNS chunk may come with an extra alpha band the reader made, which is ignored: the transparent
 * value from the tRNS chunk is compared here with the samples; 16-bit samples come whole.
 */
final class PngSamples {
  private PngSamples() {}

  static RawSamples of(BufferedImage image, PngLayout layout) throws IOException {
    Raster raster = image.getRaster();
    int width = raster.getWidth();
    int height = raster.getHeight();
    int bands = raster.getNumBands();
    int n = width * height;
    int max = (1 << layout.bitDepth()) - 1;
    int[] s = raster.getPixels(0, 0, width, height, (int[]) null);
    return switch (layout.colorType()) {
      case 0 -> {
        requireBands(bands, 1, layout);
        int[] grey = bands == 1 ? s : band(s, bands, 0, n);
        int sampleBits = raster.getSampleModel().getSampleSize(0);
        if (sampleBits != layout.bitDepth()) {
          grey = unscale(grey, sampleBits, layout.bitDepth(), bands == 1);
          if (bands == 1) {
            s = grey;
          } else {
            for (int i = 0; i < n; i++) {
              s[i * bands] = grey[i];
            }
          }
        }
        int[] alpha = layout.transparent() == null ? null : keyed(s, bands, 1, layout, n, max);
        yield new RawSamples(height, width, 1, grey, max, alpha, max, layout.bitDepth() <= 8);
      }
      case 2 -> {
        requireBands(bands, 3, layout);
        int[] rgb = bands == 3 ? s : firstBands(s, bands, 3, n);
        int[] alpha = layout.transparent() == null ? null : keyed(s, bands, 3, layout, n, max);
        yield new RawSamples(height, width, 3, rgb, max, alpha, max, layout.bitDepth() == 8);
      }
      case 3 -> palette(image.getColorModel(), s, bands, width, height, layout);
      case 4 -> {
        requireBands(bands, 2, layout);
        yield new RawSamples(
            height,
            width,
            1,
            band(s, bands, 0, n),
            max,
            band(s, bands, 1, n),
            max,
            layout.bitDepth() == 8);
      }
      case 6 -> {
        requireBands(bands, 4, layout);
        yield new RawSamples(
            height,
            width,
            3,
            firstBands(s, bands, 3, n),
            max,
            band(s, bands, 3, n),
            max,
            layout.bitDepth() == 8);
      }
      default -> throw new IOException("unsupported PNG colour type " + layout.colorType());
    };
  }

  private static RawSamples palette(
      ColorModel model, int[] indices, int bands, int width, int height, PngLayout layout)
      throws IOException {
    if (!(model instanceof IndexColorModel palette)) {
      throw new IOException("palette PNG decoded without a palette (" + model + ")");
    }
    requireBands(bands, 1, layout);
    int size = palette.getMapSize();
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    byte[] a = new byte[size];
    palette.getReds(r);
    palette.getGreens(g);
    palette.getBlues(b);
    palette.getAlphas(a);
    int n = width * height;
    int[] rgb = new int[n * 3];
    int[] alpha = layout.paletteAlpha() ? new int[n] : null;
    for (int i = 0; i < n; i++) {
      int index = indices[i * bands];
      if (index >= size) {
        throw new IOException(
            "palette index " + index + " beyond the " + size + " palette entries");
      }
      rgb[3 * i] = r[index] & 0xff;
      rgb[3 * i + 1] = g[index] & 0xff;
      rgb[3 * i + 2] = b[index] & 0xff;
      if (alpha != null) {
        alpha[i] = a[index] & 0xff;
      }
    }
    return new RawSamples(height, width, 3, rgb, 255, alpha, 255, true);
  }

  /**
   * Grey of 1, 2 or 4 bits that the reader widened to 8 (it does so when there is a tRNS chunk:
   * v·255/(2^bits − 1)), back to its raw values.
   */
  private static int[] unscale(int[] grey, int sampleBits, int bitDepth, boolean inPlace)
      throws IOException {
    int max = (1 << bitDepth) - 1;
    if (sampleBits != 8 || bitDepth >= 8) {
      throw new IOException(bitDepth + "-bit grey decoded as " + sampleBits + "-bit samples");
    }
    int factor = 255 / max;
    int[] out = inPlace ? grey : grey.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] % factor != 0) {
        throw new IOException(bitDepth + "-bit grey decoded to the 8-bit sample " + out[i]);
      }
      out[i] /= factor;
    }
    return out;
  }

  /** Alpha from a tRNS key: 0 where the first {@code channels} samples equal it, else max. */
  private static int[] keyed(int[] s, int bands, int channels, PngLayout layout, int n, int max) {
    int[] key = layout.transparent();
    int[] alpha = new int[n];
    for (int i = 0; i < n; i++) {
      boolean match = true;
      for (int c = 0; c < channels && match; c++) {
        match = s[i * bands + c] == key[c];
      }
      alpha[i] = match ? 0 : max;
    }
    return alpha;
  }

  private static int[] band(int[] s, int bands, int band, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = s[i * bands + band];
    }
    return out;
  }

  private static int[] firstBands(int[] s, int bands, int count, int n) {
    if (bands == count) {
      return s;
    }
    int[] out = new int[n * count];
    for (int i = 0; i < n; i++) {
      System.arraycopy(s, i * bands, out, i * count, count);
    }
    return out;
  }

  private static void requireBands(int bands, int least, PngLayout layout) throws IOException {
    if (bands < least) {
      throw new IOException(
          "colour type "
              + layout.colorType()
              + " decoded with "
              + bands
              + " bands (expected at least "
              + least
              + ")");
    }
  }
}
