package org.beantf.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read from a store's two files, and a paired comparison checked by hand. */
class FewShotComparisonTest {
  @TempDir Path dir;

  @Test
  void rowsComeFromResultsOrFromOneSettingsCandidates() throws Exception {
    Files.writeString(
        dir.resolve("results.jsonl"),
        """
        {"dataset":"mnist","shots":1,"method":"bean1","draw":0,"hparams":{"alpha":3.0},"test_accuracy":0.5}
        {"dataset":"mnist","shots":10,"method":"bean1","draw":0,"hparams":{"alpha":3.0},"test_accuracy":0.9}
        {"dataset":"mnist","shots":1,"method":"bean1","draw":1,"hparams":{"alpha":0.3},"test_accuracy":0.4}
        """);
    Files.writeString(
        dir.resolve("tuning.jsonl"),
        """
        {"dataset":"mnist","shots":1,"method":"bean1","hparams":{"alpha":1.0},"tuning_draw":0,"val_accuracy":0.6,"test_accuracy":0.55}
        {"dataset":"mnist","shots":1,"method":"bean1","hparams":{"alpha":3.0},"tuning_draw":0,"val_accuracy":0.7,"test_accuracy":0.5}
        {"dataset":"mnist","shots":1,"method":"bean1","hparams":{"alpha":1.0},"tuning_draw":1,"val_accuracy":0.6}
        """);
    FewShotComparison.Row reported = FewShotComparison.row(dir + ":bean1", 1);
    assertEquals(Map.of(0, 0.5, 1, 0.4), reported.accuracy());
    assertEquals(Map.of(0, "alpha=3", 1, "alpha=0.3"), reported.setting());
    // a tuning draw's line (no test accuracy) is not a candidate
    assertEquals(Map.of(0, 0.55), FewShotComparison.row(dir + ":bean1@alpha=1", 1).accuracy());
  }

  @Test
  void fiveWinsOfFiveHaveTheExactTwoSidedPOfTwoIn32() {
    // every difference positive: W+ is the largest of 2^5 equally likely sums, p = 2/32 = 0.0625
    FewShotComparison.Row a =
        new FewShotComparison.Row(
            Map.of(0, 0.50, 1, 0.52, 2, 0.54, 3, 0.56, 4, 0.58, 5, 0.9), Map.of());
    FewShotComparison.Row b =
        new FewShotComparison.Row(Map.of(0, 0.49, 1, 0.50, 2, 0.51, 3, 0.52, 4, 0.53), Map.of());
    FewShotComparison.Comparison c = FewShotComparison.compare("a", a, "b", b);
    assertEquals("a vs b", c.label());
    assertEquals(5, c.draws());
    assertEquals(3.0, c.meanDifference(), 1e-9);
    assertEquals(5, c.wins());
    assertEquals(2.0 / 32, c.p(), 1e-12);
  }

  @Test
  void drawsWithoutADifferenceLeaveTheTest() {
    // one draw differs: no test, however many equal draws come with it
    FewShotComparison.Row a =
        new FewShotComparison.Row(Map.of(0, 0.5, 1, 0.5, 2, 0.5, 3, 0.6), Map.of());
    FewShotComparison.Row b =
        new FewShotComparison.Row(Map.of(0, 0.5, 1, 0.5, 2, 0.5, 3, 0.5), Map.of());
    assertEquals(Double.NaN, FewShotComparison.compare("a", a, "b", b).p());
  }

  @Test
  void theTableCorrectsThePValuesTestedTogether() {
    // Holm over the 2 tested p-values 0.01 and 0.04: 2 · 0.01 = 0.02, then max(0.02, 1 · 0.04)
    String table =
        FewShotComparison.table(
            List.of(
                new FewShotComparison.Comparison("a vs b", 10, 1.5, 7, 0.04),
                new FewShotComparison.Comparison("a vs c", 4, 2.5, 1, Double.NaN),
                new FewShotComparison.Comparison("b vs c", 10, -0.25, 2, 0.01)));
    assertEquals(
        List.of(
            "| a vs b | 10 | +1.50 | 7/10 | 0.040 | 0.040 |",
            "| a vs c | 4 | +2.50 | 1/4 | — | — |",
            "| b vs c | 10 | -0.25 | 2/10 | 0.010 | 0.020 |"),
        table.lines().skip(2).toList());
  }
}
