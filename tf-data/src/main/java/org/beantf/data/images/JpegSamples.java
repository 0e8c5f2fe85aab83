package org.beantf.data.images;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;

/**
 * The samples of a decoded JPEG: one band for grey, three for colour (YCbCr, RGB, and CMYK or YCCK
 * converted to RGB by the reader), in R, G, B band order.
 */
final class JpegSamples {
  private JpegSamples() {}

  static RawSamples of(BufferedImage image) throws IOException {
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    if (bands != 1 && bands != 3) {
      throw new IOException("decoded with " + bands + " bands (expected 1 or 3)");
    }
    if (raster.getSampleModel().getSampleSize(0) != 8) {
      throw new IOException(
          raster.getSampleModel().getSampleSize(0) + "-bit samples (expected 8-bit)");
    }
    int width = raster.getWidth();
    int height = raster.getHeight();
    int[] s = raster.getPixels(0, 0, width, height, (int[]) null);
    return new RawSamples(height, width, bands, s, 255, null, 255, true);
  }
}
