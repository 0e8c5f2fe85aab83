package org.beantf.bean.analysis;

/**
 * A one-number summary of the population ablation study (paper Section 3.1.2, Figure 5): neurons
 * are grouped by preferred class, each group is silenced in turn, and the drop in accuracy on every
 * class is measured. An interpretable layer loses its own class when a group is silenced and little
 * else.
 */
public final class Ablation {

  private Ablation() {}

  /**
   * score = (1/|G|) Σ_{g∈G} (drop[g][g] − (1/(C−1)) Σ_{c≠g} drop[g][c]), where G is the set of
   * groups with at least one neuron and C the number of classes: the mean drop on the group's own
   * class minus the mean drop on the other classes, averaged over the present groups. Drops are in
   * whatever unit the caller measured (e.g. accuracy before minus after, as fractions).
   *
   * @param drop [C][C]: row g = the group of neurons preferring class g was ablated, column c = the
   *     class whose accuracy drop was measured
   * @param groupPresent [C]: whether group g has at least one neuron
   * @throws IllegalArgumentException if drop is not square with at least 2 classes, or not finite,
   *     if groupPresent has not one entry per class, or no group is present
   */
  public static double ablationScore(double[][] drop, boolean[] groupPresent) {
    int classes = InputChecks.requirePoints(drop, "drop");
    if (drop.length != classes || classes < 2) {
      throw new IllegalArgumentException(
          "drop is "
              + drop.length
              + "×"
              + classes
              + "; expected a square matrix (groups × classes) of at least 2 classes");
    }
    if (groupPresent == null || groupPresent.length != classes) {
      throw new IllegalArgumentException(
          "groupPresent has "
              + (groupPresent == null ? 0 : groupPresent.length)
              + " entries; expected "
              + classes
              + ", one per group");
    }
    double sum = 0;
    int present = 0;
    for (int g = 0; g < classes; g++) {
      if (!groupPresent[g]) {
        continue;
      }
      double others = 0;
      for (int c = 0; c < classes; c++) {
        if (c != g) {
          others += drop[g][c];
        }
      }
      sum += drop[g][g] - others / (classes - 1);
      present++;
    }
    if (present == 0) {
      throw new IllegalArgumentException(
          "groupPresent is all false; expected at least one group with a neuron");
    }
    return sum / present;
  }
}
