package org.beantf.bean;

/**
 * Which columns of F build the Khatri-Rao square: column c of K is F[:, left[c]] ⊙ F[:, right[c]] · weights[c],
 * over the column pairs k ≤ m, weighted 1 (k = m) or √2 (k < m). Built with two gathers, so K costs N·M(M+1)/2.
 */
record KhatriRaoSelection(int[] left, int[] right, double[] weights) {

  /** The weights as a column [pairs, 1], to scale rows of Kᵀ. */
  double[][] columnWeights() {
    double[][] column = new double[weights.length][1];
    for (int c = 0; c < weights.length; c++) {
      column[c][0] = weights[c];
    }
    return column;
  }

  /** The selection for M columns: M(M+1)/2 pairs, in the order (0,0), (0,1), …, (0,M−1), (1,1), …. */
  static KhatriRaoSelection of(int m) {
    int pairs = m * (m + 1) / 2;
    int[] left = new int[pairs];
    int[] right = new int[pairs];
    double[] weights = new double[pairs];
    int c = 0;
    for (int k = 0; k < m; k++) {
      for (int j = k; j < m; j++, c++) {
        left[c] = k;
        right[c] = j;
        weights[c] = k == j ? 1 : Math.sqrt(2);
      }
    }
    return new KhatriRaoSelection(left, right, weights);
  }
}
