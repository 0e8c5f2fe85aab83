package org.beantf.bean.analysis;

/**
 * The number of assemblies that the silhouette favours (paper Section 3.1.1: "best described by 10
 * clusters with K-means clustering validated by Silhouette co-efficient"): k* = argmax over k =
 * kMin..kMax of the mean silhouette of the k-means clustering with k clusters; ties go to the
 * smaller k.
 *
 * <p>kMax is capped at N − 1 (with N clusters every point is alone and scores 0) and at the number
 * of distinct points. Every k uses the same seed, and the distance matrix is computed once for all
 * of them.
 */
public final class BestK {

  public static final int DEFAULT_K_MIN = 2;
  public static final int DEFAULT_K_MAX = 20;

  /**
   * The winning k and its clustering.
   *
   * @param k the k with the highest mean silhouette
   * @param clustering the k-means clustering with that k
   * @param silhouette its mean silhouette
   * @param silhouetteByK the mean silhouette of every k tried: entry i is k = kMin + i, up to the
   *     capped kMax
   */
  public record Result(int k, Clustering clustering, double silhouette, double[] silhouetteByK) {}

  private BestK() {}

  /**
   * k = {@value #DEFAULT_K_MIN}..{@value #DEFAULT_K_MAX} with {@link KMeans#DEFAULT_RESTARTS}
   * restarts each.
   */
  public static Result search(double[][] points, long seed) {
    return search(points, DEFAULT_K_MIN, DEFAULT_K_MAX, seed, KMeans.DEFAULT_RESTARTS);
  }

  /**
   * Clusters {@code points} with every k from kMin to the capped kMax and keeps the best mean
   * silhouette.
   *
   * @throws IllegalArgumentException if points is empty, ragged or not finite, kMin is below 2,
   *     kMax is below kMin, or the capped kMax is below kMin (too few distinct points), or restarts
   *     is below 1
   */
  public static Result search(double[][] points, int kMin, int kMax, long seed, int restarts) {
    InputChecks.requirePoints(points, "points");
    if (kMin < 2) {
      throw new IllegalArgumentException(
          "kMin = " + kMin + "; expected at least 2, the silhouette needs two clusters");
    }
    if (kMax < kMin) {
      throw new IllegalArgumentException("kMax = " + kMax + "; expected at least kMin = " + kMin);
    }
    InputChecks.requirePositive(restarts, "restarts");
    int distinct = DistinctRows.count(points);
    int cap = Math.min(points.length - 1, distinct);
    if (cap < kMin) {
      throw new IllegalArgumentException(
          "kMin = "
              + kMin
              + " but the "
              + points.length
              + " points ("
              + distinct
              + " distinct) allow at most k = "
              + cap);
    }
    int last = Math.min(kMax, cap);

    double[] distances = PairwiseDistances.euclidean(points);
    double[] silhouetteByK = new double[last - kMin + 1];
    Result best = null;
    for (int k = kMin; k <= last; k++) {
      Clustering clustering = KMeans.cluster(points, k, seed, restarts);
      double silhouette = Silhouette.mean(distances, clustering.labels());
      silhouetteByK[k - kMin] = silhouette;
      if (best == null || silhouette > best.silhouette()) {
        best = new Result(k, clustering, silhouette, silhouetteByK);
      }
    }
    return best;
  }
}
