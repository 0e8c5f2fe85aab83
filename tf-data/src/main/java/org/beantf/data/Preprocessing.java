package org.beantf.data;

import java.util.Arrays;

/**
 * What the graph does to its input before the first layer, so that every consumer (training, the
 * SavedModel, TF Serving) feeds the data as the files hold it.
 */
public sealed interface Preprocessing {
  /** The input as it is (MNIST, Fashion-MNIST, image folders: the authors' choice for MNIST). */
  record Identity() implements Preprocessing {}

  /** x · 2 − 1: pixels in [0,1] to [−1,1] (CIFAR-10). */
  record Symmetric() implements Preprocessing {}

  /**
   * (x − mean) / scale per feature, with the training split's mean and standard deviation (tables):
   * Keras's {@code Normalization} layer adapted to the training data. A feature constant on the
   * training split has scale 1, so it is centred, never divided by 0.
   *
   * @param mean float32 [F]
   * @param scale float32 [F], every value > 0
   */
  record Standardize(float[] mean, float[] scale) implements Preprocessing {
    public Standardize {
      if (mean.length != scale.length) {
        throw new IllegalArgumentException(
            mean.length
                + " means and "
                + scale.length
                + " scales (expected one of each per feature)");
      }
      mean = mean.clone();
      scale = scale.clone();
    }

    /**
     * The training split's statistics: mean and population standard deviation of each feature, in
     * double precision, stored as float32; 1 where the deviation is 0.
     *
     * @param features S rows of F values
     */
    public static Standardize of(float[] features, int count, int width) {
      float[] mean = new float[width];
      float[] scale = new float[width];
      for (int f = 0; f < width; f++) {
        double sum = 0;
        for (int s = 0; s < count; s++) {
          sum += features[s * width + f];
        }
        double m = sum / count;
        double squares = 0;
        for (int s = 0; s < count; s++) {
          double d = features[s * width + f] - m;
          squares += d * d;
        }
        double sd = Math.sqrt(squares / count);
        mean[f] = (float) m;
        scale[f] = sd > 0 && (float) sd > 0 ? (float) sd : 1f;
      }
      return new Standardize(mean, scale);
    }

    @Override
    public float[] mean() {
      return mean.clone();
    }

    @Override
    public float[] scale() {
      return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Standardize s
          && Arrays.equals(mean, s.mean)
          && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
      return "Standardize[mean="
          + Arrays.toString(mean)
          + ", scale="
          + Arrays.toString(scale)
          + "]";
    }
  }
}
