package org.beantf.models.train;

import java.util.SplittableRandom;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;

/**
 * Small learnable MNIST-shaped data: class c lights a 4×4 patch at a class-specific place, plus
 * noise.
 */
public final class SyntheticData {
  private SyntheticData() {}

  public static Dataset mnistShaped(int train, int test, long seed) {
    return new Dataset(
        DatasetInfo.of(DatasetId.MNIST), images(train, seed), images(test, seed + 1));
  }

  public static ImageSet images(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[count * 28 * 28];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = i % 10;
      labels[i] = label;
      int top = 2 + (label / 5) * 12;
      int left = 2 + (label % 5) * 5;
      for (int p = 0; p < 28 * 28; p++) {
        pixels[i * 784 + p] = (float) (0.1 * random.nextDouble());
      }
      for (int y = top; y < top + 4; y++) {
        for (int x = left; x < left + 4; x++) {
          pixels[i * 784 + y * 28 + x] = 0.8f + (float) (0.2 * random.nextDouble());
        }
      }
    }
    return new ImageSet(pixels, labels, 28, 28, 1);
  }
}
