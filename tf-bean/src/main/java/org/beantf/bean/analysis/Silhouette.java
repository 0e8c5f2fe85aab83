package org.beantf.bean.analysis;

import java.util.Arrays;

/**
 * The silhouette coefficient (Rousseeuw 1987), with which the paper (Section 3.1.1, Figure 2)
 * validates the k-means assemblies: s(i) = (b − a) / max(a, b), where a is the mean Euclidean
 * distance from point i to the other members of its cluster and b the smallest mean distance from i
 * to the members of another cluster.
 *
 * <p>Exact, O(N²·d) time and 8·N² bytes for the distance matrix. Conventions: a point alone in its
 * cluster scores 0 (Rousseeuw's rule, also scikit-learn's); when there is only one cluster every
 * point scores 0, since b is undefined (scikit-learn refuses this case); a point with a = b = 0
 * (identical to all its own and some other cluster's points) scores 0. Labels may be any integers;
 * only which points share one matters.
 */
public final class Silhouette {

  private Silhouette() {}

  /** The mean of {@link #perPoint} over all points. */
  public static double mean(double[][] points, int[] labels) {
    return mean(perPoint(points, labels));
  }

  /**
   * s(i) for every row of {@code points}, in [−1, 1].
   *
   * @throws IllegalArgumentException if points is empty, ragged or not finite, or labels is not one
   *     per point
   */
  public static double[] perPoint(double[][] points, int[] labels) {
    InputChecks.requirePoints(points, "points");
    InputChecks.requireLength(labels, points.length, "labels");
    return perPoint(PairwiseDistances.euclidean(points), labels);
  }

  /**
   * The mean silhouette with squared Euclidean distance ‖x_i − x_j‖² in place of ‖x_i − x_j‖:
   * MATLAB's {@code silhouette} default, with which the paper's Fig. 2 was most likely drawn
   * (REFERENCE.md). Squaring stretches large distances, so on well separated clusters it reads
   * higher than the Euclidean silhouette.
   *
   * @throws IllegalArgumentException as {@link #perPoint(double[][], int[])}
   */
  public static double meanSquaredEuclidean(double[][] points, int[] labels) {
    InputChecks.requirePoints(points, "points");
    InputChecks.requireLength(labels, points.length, "labels");
    return mean(perPoint(PairwiseDistances.squared(points), labels));
  }

  /**
   * {@link #mean(double[][], int[])} from precomputed distances, for callers that score many
   * labellings.
   */
  static double mean(double[] distances, int[] labels) {
    return mean(perPoint(distances, labels));
  }

  /**
   * {@link #perPoint(double[][], int[])} from the flat N×N distance matrix of {@link
   * PairwiseDistances}.
   */
  static double[] perPoint(double[] distances, int[] labels) {
    int n = labels.length;
    CompactLabels compact = CompactLabels.of(labels);
    double[] s = new double[n];
    if (compact.count() == 1) {
      return s;
    }
    int[] cluster = compact.labels();
    int[] sizes = compact.sizes();
    double[] sums = new double[compact.count()];
    for (int i = 0; i < n; i++) {
      int own = cluster[i];
      if (sizes[own] == 1) {
        continue;
      }
      Arrays.fill(sums, 0);
      int row = i * n;
      for (int j = 0; j < n; j++) {
        sums[cluster[j]] += distances[row + j];
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < sums.length; c++) {
        if (c != own) {
          b = Math.min(b, sums[c] / sizes[c]);
        }
      }
      double scale = Math.max(a, b);
      s[i] = scale == 0 ? 0 : (b - a) / scale;
    }
    return s;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
