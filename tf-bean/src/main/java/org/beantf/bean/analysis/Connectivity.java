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
   * Each neuron's strongest outgoing connection: the column m of its largest |w_im| (the lowest m
   * on ties). In the layer that feeds the output, m is the class the neuron most strongly excites
   * or inhibits: a sign-aware alternative to the preferred class, since |tanh(γW)| ignores sign and
   * BEAN's assemblies can be inhibitory (REFERENCE.md: a LeNet-5 trained by the authors' code
   * clusters by the class each neuron suppresses, ARI 1.0, not by its most active class).
   *
   * @return N column indices in 0..M−1
   * @throws IllegalArgumentException if w is empty, ragged or not finite
   */
  public static int[] strongestOutgoing(double[][] w) {
    InputChecks.requirePoints(w, "w");
    int[] target = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      for (int m = 1; m < w[i].length; m++) {
        if (Math.abs(w[i][m]) > Math.abs(w[i][target[i]])) {
          target[i] = m;
        }
      }
    }
    return target;
  }

  /**
   * The fraction of the present connections (|tanh(γ w_im)| ≥ {@value #DEFAULT_THRESHOLD}, the
   * complement of {@link #sparsity}) whose weight is negative: near 1 for inhibitory assemblies;
   * NaN when no connection is present.
   *
   * @throws IllegalArgumentException as {@link #sparsity(double[][], double, double)}
   */
  public static double negativeFraction(double[][] w, double gamma) {
    sparsity(w, gamma); // checks the arguments
    long present = 0;
    long negative = 0;
    for (double[] row : w) {
      for (double weight : row) {
        if (Math.abs(Math.tanh(gamma * weight)) >= DEFAULT_THRESHOLD) {
          present++;
          negative += weight < 0 ? 1 : 0;
        }
      }
    }
    return present == 0 ? Double.NaN : (double) negative / present;
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
