package org.beantf.bean.analysis;

import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;

/**
 * The silhouette as the paper's Fig. 2 was most likely measured (REFERENCE.md, "How the figures
 * were probably made"; the silhouette plots carry MATLAB's axis labels): the rows of W embedded in
 * 2-D by t-SNE with MATLAB's documented defaults (perplexity 30, exaggeration 4 for the first 99
 * iterations, learning rate 500, 1000 iterations, y ~ 10⁻⁴·N(0, I)), k-means with k clusters and
 * one replicate on the map (MATLAB's {@code kmeans} default), and the silhouette on the map with
 * squared Euclidean distance (MATLAB's {@code silhouette} default).
 *
 * <p>t-SNE runs differ, so the pipeline runs once per seed and reports all of them, with two
 * references computed the same way and with the same seeds: the <em>floor</em>, a freshly drawn
 * matrix of the same shape with i.i.d. U(−1, 1) entries (the pipeline is invariant to the scale of
 * W, so this stands for Glorot's and PyTorch's uniform initialisations alike), and the
 * <em>shuffled</em> matrix, W with its N·M entries permuted (same values, no row structure). Under
 * this pipeline unstructured weights score about 0.5, not about 0.1 as the Euclidean silhouette on
 * W does: the paper's "≈ 0.55 without BEAN" is this floor.
 *
 * <p>Seed i of a run with base seed s is s + i: it seeds the t-SNE initialisation, the k-means++
 * seeding, the fresh matrix and the shuffle. Cost per seed: three exact t-SNE runs, O(N²) per
 * iteration (1-2.5 s each at N = 500 on one core of this project's machine), seeds in parallel.
 *
 * @param silhouettes the squared-Euclidean map silhouette of W, one per seed
 * @param floor the same for a fresh uniform matrix of W's shape, one per seed
 * @param shuffled the same for W with its entries shuffled, one per seed
 * @param first the map and clusters of W at the first seed, from which anyone can recompute
 *     silhouettes[0]
 */
public record MapSilhouette(
    double[] silhouettes, double[] floor, double[] shuffled, MapClusters first) {

  public static final int DEFAULT_SEEDS = 10;
  public static final double PERPLEXITY = 30;
  public static final double EXAGGERATION = 4;
  public static final int EXAGGERATION_ITERATIONS = 99;
  public static final double LEARNING_RATE = 500;
  public static final double INITIAL_SD = 1e-4;

  /**
   * One run of the pipeline on one matrix.
   *
   * @param map [N, 2] the t-SNE embedding of the rows
   * @param clusterIds k-means cluster of each row, 0..k−1
   * @param silhouette the mean squared-Euclidean silhouette of {@code clusterIds} on {@code map}
   */
  public record MapClusters(double[][] map, int[] clusterIds, double silhouette) {}

  /**
   * The pipeline on {@code w} and its two references, for seeds {@code seed} … {@code seed + seeds
   * − 1}.
   *
   * @param w [N, M], one row per neuron
   * @param k clusters of k-means, 1..N
   * @throws IllegalArgumentException if w is empty, ragged or not finite, has fewer than 2 rows, k
   *     is outside 1..N, or seeds is below 1
   */
  public static MapSilhouette of(double[][] w, int k, long seed, int seeds) {
    InputChecks.requirePoints(w, "w");
    InputChecks.requirePositive(seeds, "seeds");
    MapClusters[] runs = new MapClusters[seeds];
    double[] floor = new double[seeds];
    double[] shuffled = new double[seeds];
    // each seed's three runs depend on that seed alone, so the seeds run in parallel and the result
    // is the same on any number of cores
    IntStream.range(0, seeds)
        .parallel()
        .forEach(
            i -> {
              long s = seed + i;
              runs[i] = once(w, k, s);
              floor[i] = once(uniform(w.length, w[0].length, new Well19937c(s)), k, s).silhouette();
              shuffled[i] =
                  once(ShuffledNull.shuffleEntries(w, new Well19937c(s)), k, s).silhouette();
            });
    double[] real = new double[seeds];
    for (int i = 0; i < seeds; i++) {
      real[i] = runs[i].silhouette();
    }
    return new MapSilhouette(real, floor, shuffled, runs[0]);
  }

  /**
   * The pipeline once: MATLAB-default t-SNE seeded with {@code seed}, k-means with one k-means++
   * replicate seeded with {@code seed}, squared-Euclidean silhouette on the map.
   */
  public static MapClusters once(double[][] w, int k, long seed) {
    double[][] map =
        TSne.builder()
            .perplexity(PERPLEXITY)
            .exaggeration(EXAGGERATION, EXAGGERATION_ITERATIONS)
            .learningRate(LEARNING_RATE)
            .initialSd(INITIAL_SD)
            .seed(seed)
            .build()
            .embed(w);
    int[] ids = KMeans.cluster(map, k, seed, 1).labels();
    return new MapClusters(map, ids, Silhouette.meanSquaredEuclidean(map, ids));
  }

  private static double[][] uniform(int n, int m, Well19937c random) {
    double[][] w = new double[n][m];
    for (double[] row : w) {
      for (int j = 0; j < m; j++) {
        row[j] = 2 * random.nextDouble() - 1;
      }
    }
    return w;
  }

  public double mean() {
    return Summary.mean(silhouettes);
  }

  public double standardDeviation() {
    return Summary.standardDeviation(silhouettes);
  }

  public double max() {
    return Summary.max(silhouettes);
  }

  /**
   * Summaries of per-seed values: mean and sample standard deviation as {@link ShuffledNull}
   * summarises its shuffles (0 for one value or equal values), and the maximum.
   */
  public static final class Summary {
    private Summary() {}

    public static double mean(double[] values) {
      return ShuffledNull.summarise(values).mean();
    }

    public static double standardDeviation(double[] values) {
      return ShuffledNull.summarise(values).standardDeviation();
    }

    public static double max(double[] values) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        max = Math.max(max, v);
      }
      return max;
    }
  }
}
