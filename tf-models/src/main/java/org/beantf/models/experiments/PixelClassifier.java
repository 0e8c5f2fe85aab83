package org.beantf.models.experiments;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.beantf.data.ImageSet;
import org.beantf.models.train.ClassAccuracy;

/** Accuracy of a classifier of raw pixel rows over a whole image set. */
final class PixelClassifier {
  private PixelClassifier() {}

  static double accuracy(ImageSet images, ToIntFunction<double[]> classifier) {
    float[] buffer = new float[images.imageSize()];
    double[] row = new double[images.imageSize()];
    ClassAccuracy accuracy = new ClassAccuracy(Arrays.stream(images.labels()).max().orElse(0) + 1);
    for (int i = 0; i < images.size(); i++) {
      images.copyImage(i, buffer, 0);
      for (int p = 0; p < buffer.length; p++) {
        row[p] = buffer[p];
      }
      accuracy.add(classifier.applyAsInt(row), images.label(i));
    }
    return accuracy.overall();
  }
}
