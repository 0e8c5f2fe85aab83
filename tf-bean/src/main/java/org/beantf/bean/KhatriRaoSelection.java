package org.beantf.bean;

/**
 * The constant matrices that build the Khatri-Rao square of F with two matrix products: column c of the result
 * pairs columns k ≤ m of F, as (F·left)_c ⊙ (F·right)_c, weighted by 1 (k = m) or √2 (k < m). Products rather than
 * a gather keep every op on the gradient path one that TensorFlow's C++ gradient registry knows.
 */
record KhatriRaoSelection(double[][] left, double[][] right, double[] weights) {

  /** The selection for M columns: M(M+1)/2 pairs, in the order (0,0), (0,1), …, (0,M−1), (1,1), …. */
  static KhatriRaoSelection of(int m) {
    int pairs = m * (m + 1) / 2;
    double[][] left = new double[m][pairs];
    double[][] right = new double[m][pairs];
    double[] weights = new double[pairs];
    int c = 0;
    for (int k = 0; k < m; k++) {
      for (int j = k; j < m; j++, c++) {
        left[k][c] = 1;
        right[j][c] = 1;
        weights[c] = k == j ? 1 : Math.sqrt(2);
      }
    }
    return new KhatriRaoSelection(left, right, weights);
  }
}
