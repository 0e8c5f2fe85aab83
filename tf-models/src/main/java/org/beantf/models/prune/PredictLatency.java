package org.beantf.models.prune;

import java.util.Arrays;
import org.beantf.data.ImageSet;
import org.beantf.savedmodels.BeanModel;

/**
 * The wall time of {@code BeanModel.predict} on a batch of test images: the median of repeated
 * calls after a few untimed ones (TensorFlow allocates and picks kernels on the first).
 *
 * @param batch images per call
 * @param repetitions timed calls
 * @param medianMillis their median, in milliseconds
 */
public record PredictLatency(int batch, int repetitions, double medianMillis) {
  private static final int WARM_UP = 5;

  /**
   * Times {@code model.predict} on the first {@code batch} images of {@code images} (all of them
   * when there are fewer).
   */
  public static PredictLatency measure(
      BeanModel model, ImageSet images, int batch, int repetitions) {
    int count = Math.min(batch, images.size());
    float[] pixels = new float[count * images.imageSize()];
    for (int i = 0; i < count; i++) {
      images.copyImage(i, pixels, i * images.imageSize());
    }
    for (int i = 0; i < WARM_UP; i++) {
      model.predict(pixels, count);
    }
    long[] nanos = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      model.predict(pixels, count);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double median =
        repetitions % 2 == 1
            ? nanos[repetitions / 2]
            : (nanos[repetitions / 2 - 1] + nanos[repetitions / 2]) / 2.0;
    return new PredictLatency(count, repetitions, median / 1e6);
  }
}
