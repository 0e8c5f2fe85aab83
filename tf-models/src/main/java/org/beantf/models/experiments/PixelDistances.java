package org.beantf.models.experiments;

import org.beantf.data.ImageSet;

/** Squared Euclidean distances between images on raw pixels, in double precision. */
final class PixelDistances {
  private PixelDistances() {}

  /** The images at {@code indices} as rows of pixels. */
  static double[][] rows(ImageSet images, int[] indices) {
    float[] buffer = new float[images.imageSize()];
    double[][] rows = new double[indices.length][images.imageSize()];
    for (int i = 0; i < indices.length; i++) {
      images.copyImage(indices[i], buffer, 0);
      for (int p = 0; p < buffer.length; p++) {
        rows[i][p] = buffer[p];
      }
    }
    return rows;
  }

  /** ‖x − y‖². */
  static double squared(double[] x, double[] y) {
    double sum = 0;
    for (int p = 0; p < x.length; p++) {
      double d = x[p] - y[p];
      sum += d * d;
    }
    return sum;
  }

  /** ‖x − y_j‖² for every row y_j of {@code ys}. */
  static double[] toEach(double[] x, double[][] ys) {
    double[] distances = new double[ys.length];
    for (int j = 0; j < ys.length; j++) {
      distances[j] = squared(x, ys[j]);
    }
    return distances;
  }
}
