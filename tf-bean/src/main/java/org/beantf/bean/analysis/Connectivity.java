package org.beantf.bean.analysis;

/**
 * Summaries of a layer's outgoing weights W [N, M] (one row per neuron), the space in which the
 * paper finds the assemblies (Section 3.1.1, Figure 2: "neurons' weight space"), read through the
 * connectivity f(W) = |tanh(γW)| of Eq. 3.
 */
public final class Connectivity {

  public static final double DEFAULT_THRESHOLD = 0.01;

  private Connectivity() {}

  /** {@link #sparsity(double[][], double, double)} with threshold {@value #DEFAULT_THRESHOLD}. */
  public static double sparsity(double[][] w, double gamma) {
    return sparsity(w, gamma, DEFAULT_THRESHOLD);
  }

  /**
   * The fraction of connections that are effectively absent: #{(i, m) : |tanh(γ w_im)| &lt;
   * threshold} / (N·M).
   *
   * @throws IllegalArgumentException if w is empty, ragged or not finite, gamma is not positive and
   *     finite, or threshold is not in (0, 1]
   */
  public static double sparsity(double[][] w, double gamma, double threshold) {
    int m = InputChecks.requirePoints(w, "w");
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma = " + gamma + "; expected a positive finite value");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "threshold = " + threshold + "; expected a value in (0, 1]");
    }
    long absent = 0;
    for (double[] row : w) {
      for (double weight : row) {
        if (Math.abs(Math.tanh(gamma * weight)) < threshold) {
          absent++;
        }
      }
    }
    return (double) absent / ((long) w.length * m);
  }

  /**
   * The mean outgoing weight row of each assembly: profile[c][m] = mean of w[i][m] over the neurons
   * i with labels[i] = c.
   *
   * @param labels the assembly of each neuron, 0..k−1
   * @return k×M
   * @throws IllegalArgumentException if w is empty, ragged or not finite, labels is not one per
   *     neuron in 0..k−1, or an assembly has no neuron (its mean would not exist)
   */
  public static double[][] meanOutgoingProfiles(double[][] w, int[] labels, int k) {
    int m = InputChecks.requirePoints(w, "w");
    InputChecks.requirePositive(k, "k");
    InputChecks.requireLabels(labels, w.length, k, "labels");
    double[][] profiles = new double[k][m];
    int[] sizes = new int[k];
    for (int i = 0; i < w.length; i++) {
      sizes[labels[i]]++;
      for (int j = 0; j < m; j++) {
        profiles[labels[i]][j] += w[i][j];
      }
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        throw new IllegalArgumentException(
            "assembly "
                + c
                + " has no neuron; expected every label 0.."
                + (k - 1)
                + " at least once");
      }
      for (int j = 0; j < m; j++) {
        profiles[c][j] /= sizes[c];
      }
    }
    return profiles;
  }
}
