package org.beantf.models.experiments;

import java.util.function.ToIntFunction;
import org.beantf.data.ImageSet;

/** Accuracy of a classifier of raw pixel rows over a whole image set. */
final class PixelClassifier {
  private PixelClassifier() {}

  static double accuracy(ImageSet images, ToIntFunction<double[]> classifier) {
    float[] buffer = new float[images.imageSize()];
    double[] row = new double[images.imageSize()];
    int right = 0;
    for (int i = 0; i < images.size(); i++) {
      images.copyImage(i, buffer, 0);
      for (int p = 0; p < buffer.length; p++) {
        row[p] = buffer[p];
      }
      if (classifier.applyAsInt(row) == images.label(i)) {
        right++;
      }
    }
    return (double) right / images.size();
  }
}
