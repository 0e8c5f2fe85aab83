package org.beantf.bean.analysis;

/**
 * Euclidean distances between all pairs of rows, as one flat row-major N×N array (8·N² bytes: 2 MB
 * at N = 500), so the O(N²) loops of the silhouette and t-SNE read memory in order.
 */
final class PairwiseDistances {

  private PairwiseDistances() {}

  /** ‖x_i − x_j‖² at index i·N + j; exactly symmetric, zero on the diagonal. */
  static double[] squared(double[][] points) {
    int n = points.length;
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      double[] xi = points[i];
      for (int j = i + 1; j < n; j++) {
        double[] xj = points[j];
        double sum = 0;
        for (int c = 0; c < xi.length; c++) {
          double diff = xi[c] - xj[c];
          sum += diff * diff;
        }
        d[i * n + j] = sum;
        d[j * n + i] = sum;
      }
    }
    return d;
  }

  /** ‖x_i − x_j‖ at index i·N + j. */
  static double[] euclidean(double[][] points) {
    double[] d = squared(points);
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.sqrt(d[i]);
    }
    return d;
  }
}
