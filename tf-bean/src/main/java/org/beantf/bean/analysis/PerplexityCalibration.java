package org.beantf.bean.analysis;

/**
 * The input affinities of t-SNE: for each point i, the Gaussian conditional distribution P_{j|i} =
 * exp(−β_i d²_ij) / Σ_{k≠i} exp(−β_i d²_ik), with the precision β_i found by bisection so that the
 * row's entropy H(P_i) = −Σ_j P_{j|i} ln P_{j|i} equals ln(perplexity).
 */
final class PerplexityCalibration {

  /** |H(P_i) − ln(perplexity)| at which the search stops. */
  static final double TOLERANCE = 1e-5;

  /**
   * Bisection steps per row. Reached only when no β can hit the target (e.g. all of a row's
   * distances are equal, whose entropy is ln(N − 1) for every β); the row then keeps the last β
   * tried.
   */
  private static final int MAX_STEPS = 200;

  private PerplexityCalibration() {}

  /**
   * The row-stochastic matrix P_{j|i} at index i·N + j, with P_{i|i} = 0.
   *
   * @param squaredDistances flat N×N squared distances, as from {@link PairwiseDistances#squared}
   */
  static double[] conditionalProbabilities(double[] squaredDistances, int n, double perplexity) {
    double target = Math.log(perplexity);
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      int row = i * n;
      // Distances relative to the nearest neighbour: the nearest term is exp(0) = 1, so the sum
      // never underflows
      // to 0 however large β grows. The shift cancels in P.
      double nearest = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          nearest = Math.min(nearest, squaredDistances[row + j]);
        }
      }
      double beta = 1;
      double low = 0;
      double high = Double.POSITIVE_INFINITY;
      for (int step = 0; step < MAX_STEPS; step++) {
        double excess = fillRow(squaredDistances, p, i, n, nearest, beta) - target;
        if (Math.abs(excess) < TOLERANCE) {
          break;
        }
        // Entropy falls as β rises: too spread out → sharpen, too sharp → widen.
        if (excess > 0) {
          low = beta;
          beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
        } else {
          high = beta;
          beta = (beta + low) / 2;
        }
      }
    }
    return p;
  }

  /**
   * Writes row i of P for precision β and returns its entropy: with e_j = d²_ij − nearest, w_j =
   * exp(−β e_j) and S = Σ w_j, H = ln S + β Σ_j e_j w_j / S.
   */
  private static double fillRow(
      double[] squaredDistances, double[] p, int i, int n, double nearest, double beta) {
    int row = i * n;
    double sum = 0;
    double weightedExcess = 0;
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      double excess = squaredDistances[row + j] - nearest;
      double w = Math.exp(-beta * excess);
      p[row + j] = w;
      sum += w;
      weightedExcess += excess * w;
    }
    for (int j = 0; j < n; j++) {
      p[row + j] /= sum;
    }
    return Math.log(sum) + beta * weightedExcess / sum;
  }
}
