package org.beantf.bean.analysis;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A null distribution for the assembly silhouette (paper Section 3.1.1 contrasts ~0.9 with BEAN
 * against ~0.5 without): the mean silhouette of k-means on the same matrix with all N×M entries
 * shuffled together, which keeps the values but destroys any structure among rows, repeated over
 * several shuffles. The real silhouette is then judged by z = (real − mean) / sd.
 *
 * <p>Shuffle s uses a Fisher-Yates permutation and a k-means run seeded by the s-th draw of a
 * {@link SplittableRandom} seeded with the base seed, so results depend on the seed and the shuffle
 * number only.
 *
 * @param silhouettes the mean silhouette of each shuffle
 * @param mean their mean
 * @param standardDeviation their sample standard deviation (divisor shuffles − 1); 0 for a single
 *     shuffle or when all are equal
 */
public record ShuffledNull(double[] silhouettes, double mean, double standardDeviation) {

  public static final int DEFAULT_SHUFFLES = 50;

  /**
   * {@value #DEFAULT_SHUFFLES} shuffles, k-means with {@link KMeans#DEFAULT_RESTARTS} restarts
   * each.
   */
  public static ShuffledNull of(double[][] points, int k, long seed) {
    return of(points, k, seed, DEFAULT_SHUFFLES, KMeans.DEFAULT_RESTARTS);
  }

  /**
   * The silhouettes of k-means with {@code k} clusters on {@code shuffles} shuffled copies of
   * {@code points}.
   *
   * @throws IllegalArgumentException for the reasons of {@link KMeans#cluster(double[][], int,
   *     long, int)} (on a shuffled copy), or if shuffles is below 1
   */
  public static ShuffledNull of(double[][] points, int k, long seed, int shuffles, int restarts) {
    InputChecks.requirePoints(points, "points");
    InputChecks.requirePositive(shuffles, "shuffles");
    SplittableRandom seeds = new SplittableRandom(seed);
    double[] silhouettes = new double[shuffles];
    for (int s = 0; s < shuffles; s++) {
      long shuffleSeed = seeds.nextLong();
      double[][] shuffled = shuffleEntries(points, new Well19937c(shuffleSeed));
      silhouettes[s] =
          Silhouette.mean(shuffled, KMeans.cluster(shuffled, k, shuffleSeed, restarts).labels());
    }
    return summarise(silhouettes);
  }

  /** Mean and sample standard deviation of {@code silhouettes}. */
  static ShuffledNull summarise(double[] silhouettes) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : silhouettes) {
      sum += s;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    double mean = sum / silhouettes.length;
    // Equal values give a mean that can be off by an ulp, hence a tiny false spread; spread is
    // exactly 0 then.
    if (min == max) {
      return new ShuffledNull(silhouettes, min, 0);
    }
    double squares = 0;
    for (double s : silhouettes) {
      squares += (s - mean) * (s - mean);
    }
    return new ShuffledNull(silhouettes, mean, Math.sqrt(squares / (silhouettes.length - 1)));
  }

  /**
   * (real − mean) / standardDeviation: how many null standard deviations the real silhouette lies
   * above the shuffled ones. NaN when the standard deviation is 0, where no z exists; JSON writers
   * put null there.
   */
  public double z(double real) {
    return standardDeviation == 0 ? Double.NaN : (real - mean) / standardDeviation;
  }

  /**
   * A copy of {@code points} whose N·M entries are permuted uniformly (Fisher-Yates over the flat
   * index).
   */
  static double[][] shuffleEntries(double[][] points, RandomGenerator random) {
    int n = points.length;
    int m = points[0].length;
    double[] flat = new double[n * m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points[i], 0, flat, i * m, m);
    }
    for (int i = flat.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = flat[i];
      flat[i] = flat[j];
      flat[j] = t;
    }
    double[][] shuffled = new double[n][m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * m, shuffled[i], 0, m);
    }
    return shuffled;
  }
}
