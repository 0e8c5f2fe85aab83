package org.beantf.bean.analysis;

import java.util.Arrays;

/**
 * Counts the distinct rows of a matrix: no partition of the rows has more non-empty, separate
 * clusters.
 */
public final class DistinctRows {

  private DistinctRows() {}

  /** The number of distinct rows of {@code points} (−0 and +0 equal), at least 1 when non-empty. */
  public static int count(double[][] points) {
    double[][] sorted = points.clone();
    Arrays.sort(sorted, DistinctRows::compare);
    int distinct = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (compare(sorted[i - 1], sorted[i]) != 0) {
        distinct++;
      }
    }
    return distinct;
  }

  /** Lexicographic order by value; adding 0.0 turns −0.0 into 0.0, which is the same point. */
  private static int compare(double[] a, double[] b) {
    for (int c = 0; c < a.length; c++) {
      int order = Double.compare(a[c] + 0.0, b[c] + 0.0);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
