package org.beantf.models.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beantf.data.ImageSet;
import org.beantf.savedmodels.BeanModel;

/**
 * The wall time of {@code BeanModel.predict} on a batch of test images: the median of repeated
 * calls.
 *
 * @param batch images per call
 * @param repetitions timed calls
 * @param medianMillis their median, in milliseconds
 */
public record PredictLatency(int batch, int repetitions, double medianMillis) {

  /**
   * Times {@code model.predict} of each model on the first {@code batch} images of {@code images}
   * (all of them when there are fewer), the models' calls alternating so that both see the same
   * machine.
   *
   * @return one latency per model, in the order given
   */
  public static List<PredictLatency> compare(
      List<BeanModel> models, ImageSet images, int batch, int repetitions) {
    int count = Math.min(batch, images.size());
    float[] pixels = new float[count * images.imageSize()];
    for (int i = 0; i < count; i++) {
      images.copyImage(i, pixels, i * images.imageSize());
    }
    // untimed calls first, half as many as the timed ones (at least 5): the JVM compiles the
    // predict path and TensorFlow allocates and picks kernels on the first calls, which would
    // otherwise make whichever model runs first look slower
    for (int i = 0; i < Math.max(5, repetitions / 2); i++) {
      models.forEach(model -> model.predict(pixels, count));
    }
    long[][] nanos = new long[models.size()][repetitions];
    for (int r = 0; r < repetitions; r++) {
      for (int m = 0; m < models.size(); m++) {
        long start = System.nanoTime();
        models.get(m).predict(pixels, count);
        nanos[m][r] = System.nanoTime() - start;
      }
    }
    List<PredictLatency> latencies = new ArrayList<>();
    for (long[] times : nanos) {
      latencies.add(new PredictLatency(count, repetitions, median(times) / 1e6));
    }
    return latencies;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
