package org.beantf.bean.analysis;

/**
 * Argument checks shared by the analysis classes, so every one rejects bad input with the same
 * messages.
 */
final class InputChecks {

  private InputChecks() {}

  /**
   * Checks that {@code points} is a non-empty rectangular matrix of finite values and returns its
   * number of columns.
   */
  static int requirePoints(double[][] points, String name) {
    if (points == null || points.length == 0) {
      throw new IllegalArgumentException(name + " is empty; expected at least one row");
    }
    if (points[0] == null || points[0].length == 0) {
      throw new IllegalArgumentException(name + "[0] is empty; expected at least one column");
    }
    int columns = points[0].length;
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null || points[i].length != columns) {
        throw new IllegalArgumentException(
            name
                + "["
                + i
                + "] has "
                + (points[i] == null ? 0 : points[i].length)
                + " columns; expected "
                + columns
                + " like row 0");
      }
      for (int j = 0; j < columns; j++) {
        if (!Double.isFinite(points[i][j])) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] = " + points[i][j] + "; expected a finite value");
        }
      }
    }
    return columns;
  }

  /** Checks that {@code labels} has one entry per point, each in 0..{@code count} − 1. */
  static void requireLabels(int[] labels, int points, int count, String name) {
    requireLength(labels, points, name);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= count) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + labels[i] + "; expected 0.." + (count - 1));
      }
    }
  }

  /** Checks that {@code labels} has one entry per point. */
  static void requireLength(int[] labels, int points, String name) {
    if (labels == null || labels.length != points) {
      throw new IllegalArgumentException(
          name
              + " has "
              + (labels == null ? 0 : labels.length)
              + " entries; expected "
              + points
              + ", one per point");
    }
  }

  static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + "; expected at least 1");
    }
  }
}
