package org.beantf.data.images;

/**
 * Bilinear resampling with half-pixel centres and no antialiasing: TensorFlow's {@code
 * tf.image.resize(method="bilinear")}, the default of Keras's {@code image_dataset_from_directory}.
 * Output pixel (y, x) samples the source at ((y + ½)·H/h − ½, (x + ½)·W/w − ½), clamped to the
 * edges.
 */
public final class Resize {
  private Resize() {}

  /**
   * @param pixels HWC values of a {@code height × width × channels} image
   * @return HWC values of a {@code toHeight × toWidth × channels} image
   */
  public static float[] bilinear(
      float[] pixels, int height, int width, int channels, int toHeight, int toWidth) {
    if (height == toHeight && width == toWidth) {
      return pixels;
    }
    float[] out = new float[toHeight * toWidth * channels];
    double sy = (double) height / toHeight;
    double sx = (double) width / toWidth;
    for (int y = 0; y < toHeight; y++) {
      double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), height - 1);
      int y0 = (int) fy;
      int y1 = Math.min(y0 + 1, height - 1);
      double dy = fy - y0;
      for (int x = 0; x < toWidth; x++) {
        double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), width - 1);
        int x0 = (int) fx;
        int x1 = Math.min(x0 + 1, width - 1);
        double dx = fx - x0;
        for (int c = 0; c < channels; c++) {
          double top =
              pixels[(y0 * width + x0) * channels + c] * (1 - dx)
                  + pixels[(y0 * width + x1) * channels + c] * dx;
          double bottom =
              pixels[(y1 * width + x0) * channels + c] * (1 - dx)
                  + pixels[(y1 * width + x1) * channels + c] * dx;
          out[(y * toWidth + x) * channels + c] = (float) (top * (1 - dy) + bottom * dy);
        }
      }
    }
    return out;
  }
}
