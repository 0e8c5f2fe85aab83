package org.beantf.models.experiments;

import java.util.Map;

/** The paper's Table 1 (test accuracy in %, mean of 20 draws), by method row, dataset and shots. */
final class PaperTable1 {
  /** The row of the paper that we cannot run: imitation networks (Kimura et al. 2018). */
  static final String IMITATION_NETWORKS = "imitation networks (paper only)";

  private static final int[] SHOTS = {1, 5, 10, 20};
  private static final Map<String, double[]> MNIST =
      Map.of(
          "vanilla",
          new double[] {38.63, 70.21, 78.97, 86.68},
          "dropout",
          new double[] {40.13, 72.45, 82.04, 89.22},
          "l2",
          new double[] {39.51, 71.76, 82.87, 90.15},
          "l1",
          new double[] {40.96, 74.35, 81.17, 90.68},
          IMITATION_NETWORKS,
          new double[] {44.10, 70.40, 80.00, 86.70},
          "bean1",
          new double[] {54.79, 83.42, 87.51, 92.79},
          "bean2",
          new double[] {53.75, 80.76, 88.08, 92.97});
  private static final Map<String, double[]> FASHION_MNIST =
      Map.of(
          "vanilla",
          new double[] {39.32, 59.02, 64.50, 70.23},
          "dropout",
          new double[] {40.78, 60.04, 65.40, 71.83},
          "l2",
          new double[] {41.31, 61.98, 67.25, 71.88},
          "l1",
          new double[] {41.26, 62.18, 67.30, 70.85},
          IMITATION_NETWORKS,
          new double[] {44.80, 62.10, 68.00, 72.50},
          "bean1",
          new double[] {50.57, 66.95, 69.21, 74.25},
          "bean2",
          new double[] {49.94, 65.98, 70.21, 75.06});

  private PaperTable1() {}

  /**
   * The paper's number for {@code row} (a method's CLI name or {@link #IMITATION_NETWORKS}), or
   * null.
   */
  static Double accuracy(String row, String dataset, int shots) {
    Map<String, double[]> table =
        switch (dataset) {
          case "mnist" -> MNIST;
          case "fashion-mnist" -> FASHION_MNIST;
          default -> Map.of();
        };
    double[] values = table.get(row);
    for (int i = 0; values != null && i < SHOTS.length; i++) {
      if (SHOTS[i] == shots) {
        return values[i];
      }
    }
    return null;
  }
}
