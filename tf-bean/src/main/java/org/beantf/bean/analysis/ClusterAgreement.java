package org.beantf.bean.analysis;

/**
 * How well two labellings of the same neurons agree, e.g. k-means assemblies against preferred
 * classes (paper Section 3.1.1: "the neuronal assembly could be well described based on neurons
 * selectivity"). Labels may be any integers; only which points share one matters, so renaming the
 * labels changes neither score.
 */
public final class ClusterAgreement {

  private ClusterAgreement() {}

  /**
   * The adjusted Rand index (Hubert &amp; Arabie 1985): (Σ_ij C(n_ij,2) − E) / (½[Σ_i C(a_i,2) +
   * Σ_j C(b_j,2)] − E), with E = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2), over the contingency table
   * n_ij and its margins a_i, b_j. 1 for equal partitions, about 0 for independent ones. The
   * denominator is 0 only when both labellings put every point in one cluster or every point alone,
   * which are equal partitions: 1 then.
   *
   * @throws IllegalArgumentException if a or b is empty or their lengths differ
   */
  public static double adjustedRandIndex(int[] a, int[] b) {
    Contingency table = Contingency.of(a, b);
    double pairsInBoth = 0;
    for (long[] row : table.counts) {
      for (long count : row) {
        pairsInBoth += pairs(count);
      }
    }
    double pairsInA = 0;
    for (long size : table.rowSums) {
      pairsInA += pairs(size);
    }
    double pairsInB = 0;
    for (long size : table.columnSums) {
      pairsInB += pairs(size);
    }
    double allPairs = pairs(table.total);
    double expected = allPairs == 0 ? 0 : pairsInA * pairsInB / allPairs;
    double maximum = (pairsInA + pairsInB) / 2;
    return maximum == expected ? 1.0 : (pairsInBoth - expected) / (maximum - expected);
  }

  /**
   * Normalised mutual information with the arithmetic-mean normalisation (scikit-learn's default):
   * NMI = I(a; b) / ((H(a) + H(b)) / 2), natural logarithms, in [0, 1]. When both entropies are 0
   * (each labelling is a single cluster) the partitions are equal and NMI is defined as 1.
   *
   * @throws IllegalArgumentException if a or b is empty or their lengths differ
   */
  public static double normalizedMutualInformation(int[] a, int[] b) {
    Contingency table = Contingency.of(a, b);
    double n = table.total;
    double entropyA = entropy(table.rowSums, n);
    double entropyB = entropy(table.columnSums, n);
    if (entropyA + entropyB == 0) {
      return 1.0;
    }
    double information = 0;
    for (int i = 0; i < table.rowSums.length; i++) {
      for (int j = 0; j < table.columnSums.length; j++) {
        long count = table.counts[i][j];
        if (count > 0) {
          information +=
              count / n * Math.log(n * count / ((double) table.rowSums[i] * table.columnSums[j]));
        }
      }
    }
    return 2 * information / (entropyA + entropyB);
  }

  private static double pairs(long count) {
    return count * (count - 1) / 2.0;
  }

  private static double entropy(long[] sizes, double n) {
    double h = 0;
    for (long size : sizes) {
      double p = size / n;
      h -= p * Math.log(p);
    }
    return h;
  }

  /** Counts of points by (label in a, label in b), with its row and column sums. */
  private static final class Contingency {
    final long[][] counts;
    final long[] rowSums;
    final long[] columnSums;
    final long total;

    private Contingency(long[][] counts, long[] rowSums, long[] columnSums, long total) {
      this.counts = counts;
      this.rowSums = rowSums;
      this.columnSums = columnSums;
      this.total = total;
    }

    static Contingency of(int[] a, int[] b) {
      if (a == null || a.length == 0) {
        throw new IllegalArgumentException("labelling a is empty; expected one label per point");
      }
      InputChecks.requireLength(b, a.length, "labelling b");
      CompactLabels rows = CompactLabels.of(a);
      CompactLabels columns = CompactLabels.of(b);
      long[][] counts = new long[rows.count()][columns.count()];
      for (int i = 0; i < a.length; i++) {
        counts[rows.labels()[i]][columns.labels()[i]]++;
      }
      long[] rowSums = new long[rows.count()];
      long[] columnSums = new long[columns.count()];
      for (int i = 0; i < rowSums.length; i++) {
        for (int j = 0; j < columnSums.length; j++) {
          rowSums[i] += counts[i][j];
          columnSums[j] += counts[i][j];
        }
      }
      return new Contingency(counts, rowSums, columnSums, a.length);
    }
  }
}
