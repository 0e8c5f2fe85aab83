package org.beantf.models.analysis;

import java.util.Locale;

/**
 * The project's one rule for "this layer has neuronal assemblies", and a plain sentence that says
 * what the numbers mean. A layer has assemblies when both hold:
 *
 * <ul>
 *   <li>its neurons cluster by their outgoing weights far beyond chance: the silhouette of k-means
 *       on W stands at least {@value #MIN_Z} standard deviations above the same clustering on W
 *       with its entries shuffled ({@link LayerAnalysis#shuffledZ()}); a silhouette alone is weak
 *       evidence, because sparsity raises the null too (docs/RESULTS.md "Neuronal assemblies");
 *   <li>the neurons of a class serve that class: silencing each group ({@link
 *       LayerAnalysis#groups()}: by preferred class, or by the class of the strongest outgoing
 *       weight where that agrees better with the clusters) costs its own class at least {@value
 *       #MIN_ABLATION_SCORE} more test accuracy than the other classes (the ablation score of the
 *       paper's Fig. 5 analysis, {@link PopulationAblation#score()}).
 * </ul>
 *
 * <p>Both parts are needed: in LeNet-5 {@code fc2} (5 epochs, docs/RESULTS.md "Neuronal
 * assemblies") BEAN gives z 6.4-7.0 with ablation scores 0.98-0.99, vanilla and dropout z ≤ 1.5,
 * but weight decay and ℓ1 also reach z 4.9-5.9 (sparser weights cluster better) while their
 * ablation scores stay at 0.32-0.33. Used by {@code bean demo}'s comparison and by every {@code
 * report.html}.
 *
 * @param measured false when the ablation was not measured (a SavedModel cannot silence neurons):
 *     no verdict
 * @param assemblies whether the layer has assemblies by the rule (false when not measured)
 * @param sentence one plain sentence that says what the numbers mean
 */
public record AssemblyVerdict(boolean measured, boolean assemblies, String sentence) {
  /**
   * The smallest z of the silhouette against the shuffled null that counts as clustering beyond
   * chance.
   */
  public static final double MIN_Z = 3;

  /** The smallest ablation score that counts as groups serving their own class. */
  public static final double MIN_ABLATION_SCORE = 0.5;

  /** The rule in one line, for reports. */
  public static final String RULE =
      String.format(
          Locale.ROOT,
          "a layer has assemblies when its silhouette stands "
              + "at least %.0f standard deviations above shuffled weights (z ≥ %.0f) and its ablation score is at least "
              + "%.1f",
          MIN_Z,
          MIN_Z,
          MIN_ABLATION_SCORE);

  /** The verdict on {@code a} by the rule above. */
  public static AssemblyVerdict of(LayerAnalysis a) {
    double z = a.shuffledZ();
    boolean clusters = z >= MIN_Z; // false for NaN (the null and the real value agree)
    String clustering =
        String.format(
            Locale.ROOT,
            "silhouette %.2f against %.2f for shuffled weights, z %s",
            a.silhouette(),
            a.shuffled().mean(),
            Double.isFinite(z) ? String.format(Locale.ROOT, "%.1f", z) : "n/a");
    String layer = a.layer() + " (" + a.n() + " neurons)";
    if (a.ablation() == null) {
      return new AssemblyVerdict(
          false,
          false,
          layer
              + ": no verdict, because the population ablation was not "
              + "measured (a SavedModel cannot silence neurons); its neurons cluster "
              + (clusters ? "" : "no ")
              + "beyond chance ("
              + clustering
              + ").");
    }
    double score = a.ablation().score();
    boolean serves = score >= MIN_ABLATION_SCORE;
    String ablation =
        String.format(
            Locale.ROOT,
            "silencing them costs that class %.1f percentage points more "
                + "test accuracy than the other classes, on average (ablation score %.3f",
            100 * score,
            score);
    if (clusters && serves) {
      return new AssemblyVerdict(
          true,
          true,
          layer
              + " has neuronal assemblies: its neurons fall into clusters by "
              + "their outgoing weights far beyond chance ("
              + clustering
              + "), and "
              + a.groups().neurons()
              + " "
              + "serve that class alone: "
              + ablation
              + ").");
    }
    String weak = ", below " + MIN_ABLATION_SCORE + ")";
    if (!clusters && !serves) {
      return new AssemblyVerdict(
          true,
          false,
          layer
              + " has no assemblies: its neurons cluster no better than "
              + "shuffled weights ("
              + clustering
              + "), and "
              + a.groups().neurons()
              + " do not serve it alone: "
              + ablation
              + weak
              + ".");
    }
    if (clusters) {
      return new AssemblyVerdict(
          true,
          false,
          layer
              + " has no assemblies by the rule: its neurons cluster beyond "
              + "chance ("
              + clustering
              + "), but "
              + a.groups().neurons()
              + " do not serve it alone: "
              + ablation
              + weak
              + ".");
    }
    return new AssemblyVerdict(
        true,
        false,
        layer
            + " has no assemblies by the rule: "
            + a.groups().neurons()
            + " serve it ("
            + ablation
            + ")), but the neurons do not cluster by their outgoing weights beyond "
            + "chance ("
            + clustering
            + ", below "
            + (int) MIN_Z
            + ").");
  }
}
