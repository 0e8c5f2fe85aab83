package org.beantf.bean;

/**
 * Which columns of F build the Khatri-Rao square: column c of K is F[:, left[c]] ⊙ F[:, right[c]] ·
 * weights[c], over the column pairs k ≤ m, weighted 1 (k = m) or √2 (k < m). As products with two
 * M×P selection matrices, K = (F·L) ⊙ (F·R): a few ops whose gradients are products too.
 */
record KhatriRaoSelection(int[] left, int[] right, double[] weights) {

  /** L [M, pairs]: column c picks F's column left[c], scaled by weights[c]. */
  double[][] leftSelection(int m) {
    double[][] selection = new double[m][left.length];
    for (int c = 0; c < left.length; c++) {
      selection[left[c]][c] = weights[c];
    }
    return selection;
  }

  /** R [M, pairs]: column c picks F's column right[c]. */
  double[][] rightSelection(int m) {
    double[][] selection = new double[m][right.length];
    for (int c = 0; c < right.length; c++) {
      selection[right[c]][c] = 1;
    }
    return selection;
  }

  /**
   * The selection for M columns: M(M+1)/2 pairs, in the order (0,0), (0,1), …, (0,M−1), (1,1), ….
   */
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
