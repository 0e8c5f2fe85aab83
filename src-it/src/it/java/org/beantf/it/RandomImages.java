package org.beantf.it;

import java.util.SplittableRandom;
import org.beantf.data.ImageSet;

/**
 * Random 28×28×1 images with cycling labels: enough to train and export a model whose accuracy is
 * not checked.
 */
public final class RandomImages {
  private RandomImages() {}

  public static ImageSet of(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[count * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble();
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return new ImageSet(pixels, labels, 28, 28, 1);
  }
}
