package org.beantf.bean;

/**
 * The BEAN equations in plain double precision, straight from the paper (Eq. 1, 3, 4, 6), loops
 * only: the independent computation the graph ops are checked against.
 */
final class ReferenceBean {
  private ReferenceBean() {}

  /** Eq. 3: f(W) = |tanh(γW)|. */
  static double[][] connectivity(double[][] w, double gamma) {
    double[][] f = new double[w.length][w[0].length];
    for (int i = 0; i < w.length; i++) {
      for (int k = 0; k < w[0].length; k++) {
        f[i][k] = Math.abs(Math.tanh(gamma * w[i][k]));
      }
    }
    return f;
  }

  /** Eq. 4 (order 1) and Eq. 6 (order 2), element by element; {@code paper} divides by M or M². */
  static double[][] correlation(double[][] w, double gamma, int order, boolean paper) {
    double[][] f = connectivity(w, gamma);
    int n = f.length;
    int m = f[0].length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        if (order == 1) {
          for (int k = 0; k < m; k++) {
            sum += f[i][k] * f[j][k];
          }
        } else {
          for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
              sum += f[i][k] * f[j][k] * f[i][l] * f[j][l];
            }
          }
        }
        a[i][j] = paper ? sum / Math.pow(m, order) : sum;
      }
    }
    return a;
  }

  /** Eq. 1: L = 1/(S N²) Σ_s Σ_i Σ_j A_ij d(H_si, H_sj). */
  static double loss(double[][] a, double[][] h, boolean squared) {
    int s = h.length;
    int n = h[0].length;
    double sum = 0;
    for (int sample = 0; sample < s; sample++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double difference = h[sample][i] - h[sample][j];
          sum += a[i][j] * (squared ? difference * difference : Math.abs(difference));
        }
      }
    }
    return sum / ((double) s * n * n);
  }
}
