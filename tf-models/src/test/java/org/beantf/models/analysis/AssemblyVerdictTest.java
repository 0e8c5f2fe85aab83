package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rule "assemblies ⇔ z ≥ 3 and ablation score ≥ 0.5", at and around its thresholds, and what it
 * says.
 */
class AssemblyVerdictTest {
  /** SmallAnalysis's silhouette stands 0.66 above its null mean: z = 0.66 / sd. */
  private static final double GAP = 0.91 - 0.25;

  @Test
  void bothPartsHeldAreAssemblies() {
    AssemblyVerdict verdict = AssemblyVerdict.of(SmallAnalysis.of(ablation(0.99), GAP / 13.2));
    assertTrue(verdict.measured());
    assertTrue(verdict.assemblies());
    assertTrue(
        verdict.sentence().startsWith("hidden (6 neurons) has neuronal assemblies"),
        verdict.sentence());
    assertTrue(verdict.sentence().contains("z 13.2"), verdict.sentence());
    assertTrue(
        verdict
            .sentence()
            .contains(
                "costs that class 99.0 percentage points more test accuracy than the "
                    + "other classes, on average (ablation score 0.990)."),
        verdict.sentence());
  }

  @Test
  void theThresholdsThemselvesCount() {
    assertTrue(
        AssemblyVerdict.of(SmallAnalysis.of(ablation(0.5), GAP / 3)).assemblies(),
        "z = 3, score = 0.5");
    assertFalse(AssemblyVerdict.of(SmallAnalysis.of(ablation(0.4999), GAP / 3)).assemblies());
    assertFalse(AssemblyVerdict.of(SmallAnalysis.of(ablation(0.5), GAP / 2.999)).assemblies());
  }

  @Test
  void eachMissingPartIsNamed() {
    String neither = AssemblyVerdict.of(SmallAnalysis.of(ablation(0.2), GAP / 1)).sentence();
    assertTrue(
        neither.startsWith(
            "hidden (6 neurons) has no assemblies: its neurons cluster no better than "
                + "shuffled weights"),
        neither);
    String noClasses = AssemblyVerdict.of(SmallAnalysis.of(ablation(0.3), GAP / 5)).sentence();
    assertTrue(
        noClasses.contains("cluster beyond chance")
            && noClasses.contains("do not serve it alone")
            && noClasses.contains("(ablation score 0.300, below 0.5)."),
        noClasses);
    String noClusters = AssemblyVerdict.of(SmallAnalysis.of(ablation(0.9), GAP / 2)).sentence();
    assertTrue(
        noClusters.contains("serve it (")
            && noClusters.contains("do not cluster by their outgoing weights")
            && noClusters.contains("z 2.0, below 3)."),
        noClusters);
  }

  @Test
  void aNullWithoutSpreadIsNoClustering() {
    AssemblyVerdict verdict = AssemblyVerdict.of(SmallAnalysis.of(ablation(0.99), 0));
    assertFalse(verdict.assemblies(), "z is NaN");
    assertTrue(verdict.sentence().contains("z n/a"), verdict.sentence());
  }

  @Test
  void withoutAblationThereIsNoVerdict() {
    AssemblyVerdict verdict = AssemblyVerdict.of(SmallAnalysis.of(null, GAP / 10));
    assertFalse(verdict.measured());
    assertFalse(verdict.assemblies());
    assertTrue(verdict.sentence().contains("no verdict"), verdict.sentence());
  }

  @Test
  void theRuleStatesBothThresholds() {
    assertEquals(
        "a layer has assemblies when its silhouette stands at least 3 standard deviations above shuffled "
            + "weights (z ≥ 3) and its ablation score is at least 0.5",
        AssemblyVerdict.RULE);
  }

  private static PopulationAblation ablation(double score) {
    return new PopulationAblation(
        new double[][] {{-score, 0}, {0, -score}}, new boolean[] {true, true}, score);
  }
}
