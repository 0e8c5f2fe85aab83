package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beantf.models.analysis.RunComparison.ComparedRun;
import org.junit.jupiter.api.Test;

/** The side-by-side table and the verdict lines, from hand-made analyses. */
class RunComparisonTest {
  private static final PopulationAblation WEAK =
      new PopulationAblation(
          new double[][] {{-0.2, 0}, {0, -0.2}}, new boolean[] {true, true}, 0.2);

  private final RunComparison comparison =
      new RunComparison(
          "test",
          "hidden",
          List.of(
              new ComparedRun("vanilla", "vanilla/analysis", 0.98354, SmallAnalysis.of(WEAK, 0.66)),
              new ComparedRun(
                  "BEAN-2 (α = 1e5)",
                  "bean2/analysis",
                  0.9841,
                  SmallAnalysis.of(SmallAnalysis.diagonalAblation(), 0.05))));

  @Test
  void theTableIsAlignedAndEveryNumberComesFromTheAnalyses() {
    String expected =
        """
        layer hidden (6 → 2)               vanilla   BEAN-2 (α = 1e5)
        test accuracy                       0.9835             0.9841
        silhouette (k-means, k = 2)          0.910              0.910
          shuffled-weights null: mean        0.250              0.250
          z against the null                   1.0               13.2
        ARI, clusters vs preferred class     0.750              0.750
        ablation score                       0.200              1.000
        sparsity (|tanh(γw)| < 0.01)         0.500              0.500
        assemblies                              no                yes
        """;
    assertEquals(expected, comparison.table());
  }

  @Test
  void oneVerdictLinePerRunLabelled() {
    List<String> verdicts = comparison.verdicts();
    assertEquals(2, verdicts.size());
    assertTrue(
        verdicts.get(0).startsWith("vanilla: hidden (6 neurons) has no assemblies"),
        verdicts.get(0));
    assertTrue(
        verdicts.get(1).startsWith("BEAN-2 (α = 1e5): hidden (6 neurons) has neuronal assemblies"),
        verdicts.get(1));
  }

  @Test
  void anUnmeasuredAblationIsShownAsSuch() {
    RunComparison fromSavedModel =
        new RunComparison(
            "t",
            "hidden",
            List.of(new ComparedRun("m", "m/analysis", 0.9, SmallAnalysis.of(null, 0))));
    List<List<String>> rows = fromSavedModel.rows();
    assertEquals(List.of("ablation score", "n/a"), rows.get(5));
    assertEquals(List.of("  z against the null", "n/a"), rows.get(3));
    assertEquals(List.of("assemblies", "no verdict"), rows.get(7));
  }

  @Test
  void aComparisonNeedsARun() {
    assertThrows(IllegalArgumentException.class, () -> new RunComparison("t", "hidden", List.of()));
  }
}
