package org.beantf.models.experiments;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.beantf.data.ImageSet;

/**
 * RBF kernel ridge regression on raw pixels: K(x, x′) = exp(−‖x − x′‖² / m) with m the median
 * pairwise squared distance among the shots; coefficients A = (K + λI)⁻¹ Y for one-hot targets Y; a
 * test image x takes the class of the largest score k(x)ᵀA.
 */
public final class KernelRidge {
  private final double[][] shots;
  private final double bandwidth;
  private final double[][] coefficients;

  /** Fits the shots at {@code shots} of {@code train} with ridge {@code lambda} on the diagonal. */
  public KernelRidge(ImageSet train, int[] shots, int classes, double lambda) {
    this.shots = PixelDistances.rows(train, shots);
    int n = shots.length;
    double[][] distances = new double[n][];
    for (int i = 0; i < n; i++) {
      distances[i] = PixelDistances.toEach(this.shots[i], this.shots);
    }
    this.bandwidth = medianOffDiagonal(distances);
    double[][] k = new double[n][n];
    double[][] y = new double[n][classes];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i][j] = Math.exp(-distances[i][j] / bandwidth) + (i == j ? lambda : 0);
      }
      y[i][train.label(shots[i])] = 1;
    }
    RealMatrix solved =
        new CholeskyDecomposition(new Array2DRowRealMatrix(k, false), 1e-12, 1e-14)
            .getSolver()
            .solve(new Array2DRowRealMatrix(y, false));
    this.coefficients = solved.getData();
  }

  /**
   * m: the median of ‖x_i − x_j‖² over the pairs i < j of shots (1 when there is no pair or it is
   * 0).
   */
  static double medianOffDiagonal(double[][] distances) {
    int n = distances.length;
    double[] pairs = new double[n * (n - 1) / 2];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[p++] = distances[i][j];
      }
    }
    if (pairs.length == 0) {
      return 1;
    }
    Arrays.sort(pairs);
    int mid = pairs.length / 2;
    double median = pairs.length % 2 == 1 ? pairs[mid] : (pairs[mid - 1] + pairs[mid]) / 2;
    return median > 0 ? median : 1;
  }

  /** The scores k(x)ᵀA of {@code image}, one per class. */
  public double[] scores(double[] image) {
    double[] distances = PixelDistances.toEach(image, shots);
    double[] scores = new double[coefficients[0].length];
    for (int i = 0; i < shots.length; i++) {
      double kernel = Math.exp(-distances[i] / bandwidth);
      for (int c = 0; c < scores.length; c++) {
        scores[c] += kernel * coefficients[i][c];
      }
    }
    return scores;
  }

  /** The class of the largest score; of equal scores, the first. */
  public int classify(double[] image) {
    double[] scores = scores(image);
    int best = 0;
    for (int c = 1; c < scores.length; c++) {
      if (scores[c] > scores[best]) {
        best = c;
      }
    }
    return best;
  }

  public double bandwidth() {
    return bandwidth;
  }

  /** The fraction of {@code test} classified right. */
  public double accuracy(ImageSet test) {
    return PixelClassifier.accuracy(test, this::classify);
  }
}
