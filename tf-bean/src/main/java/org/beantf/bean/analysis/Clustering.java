package org.beantf.bean.analysis;

/**
 * A partition of N points (neurons) into k clusters (neuronal assemblies).
 *
 * @param labels the cluster of each point, 0..k−1, numbered in order of first appearance (point 0
 *     is in cluster 0, the first point outside cluster 0 is in cluster 1, …), so equal partitions
 *     have equal labels
 * @param centroids k rows: the centre of each cluster, indexed by label
 * @param inertia Σ_i ‖x_i − centroid(label_i)‖², the k-means objective
 */
public record Clustering(int[] labels, double[][] centroids, double inertia) {

  /** The number of clusters. */
  public int k() {
    return centroids.length;
  }
}
