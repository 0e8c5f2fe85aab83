package org.beantf.bean.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer.EmptyClusterStrategy;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * K-means clustering of neurons into assemblies (paper Section 3.1.1, MacQueen 1967): minimise the
 * inertia Σ_i ‖x_i − μ_label(i)‖² over k centres, seeded by k-means++ (Arthur &amp; Vassilvitskii
 * 2007) and run from several seedings, keeping the lowest inertia.
 *
 * <p>The restarts draw from one {@link Well19937c} seeded with {@code seed}, one after another, so
 * the same seed gives the same result. An emptied cluster is refilled with a point of the cluster
 * of largest variance.
 */
public final class KMeans {

  public static final int DEFAULT_RESTARTS = 10;

  /**
   * Lloyd iterations per restart; assignments of a few hundred neurons settle within a few dozen.
   */
  private static final int MAX_ITERATIONS = 1000;

  private KMeans() {}

  /** {@link #cluster(double[][], int, long, int)} with {@value #DEFAULT_RESTARTS} restarts. */
  public static Clustering cluster(double[][] points, int k, long seed) {
    return cluster(points, k, seed, DEFAULT_RESTARTS);
  }

  /**
   * The best of {@code restarts} k-means++ runs on the rows of {@code points}.
   *
   * @throws IllegalArgumentException if points is empty, ragged or not finite, k is outside 1..N, k
   *     exceeds the number of distinct points (identical points cannot be told apart), or restarts
   *     is below 1
   */
  public static Clustering cluster(double[][] points, int k, long seed, int restarts) {
    InputChecks.requirePoints(points, "points");
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + "; expected at least 1");
    }
    if (k > points.length) {
      throw new IllegalArgumentException("k = " + k + " exceeds the " + points.length + " points");
    }
    int distinct = DistinctRows.count(points);
    if (k > distinct) {
      throw new IllegalArgumentException(
          "k = "
              + k
              + " exceeds the "
              + distinct
              + " distinct points among the "
              + points.length
              + "; identical points cannot form separate clusters");
    }
    InputChecks.requirePositive(restarts, "restarts");

    List<IndexedPoint> indexed = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      indexed.add(new IndexedPoint(i, points[i]));
    }
    KMeansPlusPlusClusterer<IndexedPoint> clusterer =
        new KMeansPlusPlusClusterer<>(
            k,
            MAX_ITERATIONS,
            new EuclideanDistance(),
            new Well19937c(seed),
            EmptyClusterStrategy.LARGEST_VARIANCE);
    Clustering best = null;
    for (int r = 0; r < restarts; r++) {
      Clustering candidate = canonical(clusterer.cluster(indexed), points);
      if (best == null || candidate.inertia() < best.inertia()) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Labels numbered in order of first appearance, centroids reordered to match, and the inertia
   * against those centroids. A cluster left empty (possible only if a run stops at the iteration
   * cap) keeps its centre and comes last, so no label names it.
   */
  private static Clustering canonical(
      List<CentroidCluster<IndexedPoint>> clusters, double[][] points) {
    int[] raw = new int[points.length];
    for (int c = 0; c < clusters.size(); c++) {
      for (IndexedPoint p : clusters.get(c).getPoints()) {
        raw[p.index] = c;
      }
    }
    int[] newLabel = new int[clusters.size()];
    Arrays.fill(newLabel, -1);
    int next = 0;
    for (int c : raw) {
      if (newLabel[c] < 0) {
        newLabel[c] = next++;
      }
    }
    for (int c = 0; c < newLabel.length; c++) {
      if (newLabel[c] < 0) {
        newLabel[c] = next++;
      }
    }
    double[][] centroids = new double[clusters.size()][];
    for (int c = 0; c < clusters.size(); c++) {
      centroids[newLabel[c]] = clusters.get(c).getCenter().getPoint().clone();
    }
    int[] labels = new int[points.length];
    double inertia = 0;
    for (int i = 0; i < points.length; i++) {
      labels[i] = newLabel[raw[i]];
      double[] centre = centroids[labels[i]];
      for (int j = 0; j < centre.length; j++) {
        double diff = points[i][j] - centre[j];
        inertia += diff * diff;
      }
    }
    return new Clustering(labels, centroids, inertia);
  }

  /** A row that remembers its index, so cluster members map back to labels. */
  private static final class IndexedPoint implements Clusterable {
    private final int index;
    private final double[] point;

    IndexedPoint(int index, double[] point) {
      this.index = index;
      this.point = point;
    }

    @Override
    public double[] getPoint() {
      return point;
    }
  }
}
