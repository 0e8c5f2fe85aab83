package org.beantf.models.analysis;

import org.beantf.bean.analysis.Ablation;

/**
 * Population ablation (paper Section 3.1.2, Fig. 5): the neurons of a layer are grouped by class
 * (preferred class, or the class of the strongest outgoing weight: {@link NeuronGroups}); each
 * group in turn is silenced (its activations set to 0) and the test accuracy of every class is
 * measured again.
 *
 * @param change [groups][classes]: accuracy on class c with group g silenced minus the accuracy
 *     with nothing silenced, as fractions (negative: the class lost accuracy); a row of zeros for
 *     an empty group
 * @param groupPresent whether group g has at least one neuron
 * @param score the mean drop on the group's own class minus the mean drop on the other classes,
 *     over the present groups ({@link Ablation#ablationScore}): high when each group serves its own
 *     class and no other
 */
public record PopulationAblation(double[][] change, boolean[] groupPresent, double score) {

  /**
   * Measures the ablation of {@code layer} on test inputs whose activations there are {@code h}.
   *
   * @param labels the class of each row of {@code h}
   * @param group the group of each neuron (a class)
   */
  public static PopulationAblation measure(
      LayerSource source, String layer, float[][] h, int[] labels, int[] group, int classes) {
    int n = group.length;
    double[] baseline =
        perClassAccuracy(source.predictSilenced(layer, h, new boolean[n]), labels, classes);
    double[][] change = new double[classes][classes];
    double[][] drop = new double[classes][classes];
    boolean[] present = new boolean[classes];
    for (int g = 0; g < classes; g++) {
      boolean[] silenced = new boolean[n];
      for (int i = 0; i < n; i++) {
        silenced[i] = group[i] == g;
        present[g] |= silenced[i];
      }
      if (!present[g]) {
        continue;
      }
      double[] accuracy =
          perClassAccuracy(source.predictSilenced(layer, h, silenced), labels, classes);
      for (int c = 0; c < classes; c++) {
        change[g][c] = accuracy[c] - baseline[c];
        drop[g][c] = -change[g][c];
      }
    }
    return new PopulationAblation(change, present, Ablation.ablationScore(drop, present));
  }

  /** The fraction of each class's inputs predicted right; 0 for a class without inputs. */
  static double[] perClassAccuracy(int[] predicted, int[] labels, int classes) {
    int[] right = new int[classes];
    int[] total = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      total[labels[i]]++;
      right[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
    }
    double[] accuracy = new double[classes];
    for (int c = 0; c < classes; c++) {
      accuracy[c] = total[c] == 0 ? 0 : (double) right[c] / total[c];
    }
    return accuracy;
  }
}
