package org.beantf.bean.analysis;

/**
 * Class selectivity of each neuron (paper Section 3.1.1, after Morcos et al. 2018): selectivity =
 * (μmax − μ−max) / (μmax + μ−max), where μmax is the neuron's highest class-conditional mean
 * activity and μ−max its mean over all other classes; the preferred class is the one that attains
 * μmax.
 *
 * <p>Conventions: ties for μmax go to the lowest class; a neuron whose denominator is 0 (one that
 * never fires: all class means 0) has selectivity 0 and, by the tie rule, preferred class 0. Meant
 * for non-negative (e.g. ReLU) activations, where it lies in [0, 1].
 *
 * @param preferredClass per neuron, the class with the highest mean activity
 * @param selectivity per neuron, the index above
 */
public record Selectivity(int[] preferredClass, double[] selectivity) {

  /**
   * Selectivity from class-conditional means.
   *
   * @param classMeans [classes][N]: the mean activation of every neuron over the samples of each
   *     class
   * @throws IllegalArgumentException if there are fewer than 2 classes, or the rows are ragged or
   *     not finite
   */
  public static Selectivity of(double[][] classMeans) {
    int n = InputChecks.requirePoints(classMeans, "classMeans");
    int classes = classMeans.length;
    if (classes < 2) {
      throw new IllegalArgumentException(
          "classMeans has " + classes + " class; expected at least 2 to compare");
    }
    int[] preferred = new int[n];
    double[] selectivity = new double[n];
    for (int neuron = 0; neuron < n; neuron++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (classMeans[c][neuron] > classMeans[best][neuron]) {
          best = c;
        }
      }
      double others = 0;
      for (int c = 0; c < classes; c++) {
        if (c != best) {
          others += classMeans[c][neuron];
        }
      }
      others /= classes - 1;
      double max = classMeans[best][neuron];
      preferred[neuron] = best;
      selectivity[neuron] = max + others == 0 ? 0 : (max - others) / (max + others);
    }
    return new Selectivity(preferred, selectivity);
  }
}
