package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FewShotTableTest {
  private static FewShotResult line(String dataset, String method, int draw, double test) {
    return new FewShotResult(
        dataset, 1, method, draw, "strict", Hyperparameters.NONE, 0.5, test, 10, 2.0);
  }

  @Test
  void cellsAreMeanAndSampleStandardDeviationWithThePapersNumberAndTheBestInBold() {
    double[] vanilla = {0.40, 0.45, 0.38, 0.41};
    double[] bean1 = {0.50, 0.52, 0.47, 0.55};
    List<FewShotResult> results = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      results.add(line("mnist", "vanilla", d, vanilla[d]));
      results.add(line("mnist", "bean1", d, bean1[d]));
    }
    String table =
        FewShotTable.render(FewShotProtocol.STRICT, FewShotProtocol.STRICT_STEPS, results, "");
    assertTrue(table.contains("| LeNet-5 | " + meanSd(vanilla) + " [38.63] |"), table);
    assertTrue(
        table.contains(
            "| + BEAN-1 | **"
                + String.format(Locale.ROOT, "%.2f", 100 * mean(bean1))
                + "** ± "
                + String.format(Locale.ROOT, "%.2f", 100 * sd(bean1))
                + " [54.79] |"),
        table);
    assertTrue(table.contains("| imitation networks (paper only) | — [44.10] |"), table);
  }

  @Test
  void wilcoxonIsTheExactSignedRankTest() {
    double[] vanilla = {0.40, 0.45, 0.38, 0.41, 0.43, 0.39, 0.44};
    // distinct |differences| (the exact distribution assumes them): 5.1, −2, 3.8, −2.5, 7.2, 1, 3
    double[] bean1 = {0.451, 0.43, 0.418, 0.385, 0.502, 0.4, 0.47};
    List<FewShotResult> results = new ArrayList<>();
    for (int d = 0; d < vanilla.length; d++) {
      results.add(line("mnist", "vanilla", d, vanilla[d]));
      results.add(line("mnist", "bean1", d, bean1[d]));
    }
    double[] differences = new double[vanilla.length];
    double mean = 0;
    for (int d = 0; d < vanilla.length; d++) {
      differences[d] = 100 * bean1[d] - 100 * vanilla[d];
      mean += differences[d] / vanilla.length;
    }
    String expected =
        String.format(
            Locale.ROOT,
            "| BEAN-1 vs LeNet-5 | %+.2f, p = %.2g |",
            mean,
            exactTwoSided(differences));
    String table =
        FewShotTable.render(FewShotProtocol.STRICT, FewShotProtocol.STRICT_STEPS, results, "");
    assertTrue(table.contains(expected), expected + "\nnot in\n" + table);
  }

  @Test
  void pValuesAreHolmCorrectedPerColumn() {
    List<FewShotResult> results = new ArrayList<>();
    for (int d = 0; d < 6; d++) {
      results.add(line("mnist", "vanilla", d, 0.40 + d * 0.01));
      results.add(line("mnist", "bean1", d, 0.60 + d * 0.011));
      results.add(line("mnist", "bean2", d, 0.50 + d * 0.012));
      results.add(line("mnist", "knn", d, 0.30 + d * 0.013));
    }
    // 5 comparisons, each with all 6 differences of one sign: exact p = 2/2^6, Holm: 5 · 2/64 for
    // every one
    String table =
        FewShotTable.render(FewShotProtocol.STRICT, FewShotProtocol.STRICT_STEPS, results, "");
    String p = String.format(Locale.ROOT, "p = %.2g", 5 * 2.0 / 64);
    for (String row :
        List.of(
            "BEAN-1 vs LeNet-5",
            "BEAN-1 vs BEAN-2",
            "BEAN-1 vs 1-nearest neighbour (pixels)",
            "BEAN-2 vs LeNet-5",
            "BEAN-2 vs 1-nearest neighbour (pixels)")) {
      assertTrue(
          table.lines().anyMatch(l -> l.startsWith("| " + row + " |") && l.contains(p)),
          row + "\n" + table);
    }
  }

  @Test
  void theTableDoesNotDependOnTheOrderOfTheLines() {
    List<FewShotResult> results = new ArrayList<>();
    for (String dataset : List.of("mnist", "fashion-mnist")) {
      for (int d = 0; d < 5; d++) {
        results.add(line(dataset, "vanilla", d, 0.3 + 0.07 * Math.sin(d)));
        results.add(line(dataset, "bean2", d, 0.35 + 0.05 * Math.cos(d)));
        results.add(line(dataset, "kernel-ridge", d, 0.33 + 0.01 * d));
      }
    }
    String table =
        FewShotTable.render(FewShotProtocol.AUTHORS, FewShotProtocol.STRICT_STEPS, results, "");
    List<FewShotResult> shuffled = new ArrayList<>(results);
    Collections.shuffle(shuffled, new Random(3));
    assertEquals(
        table,
        FewShotTable.render(FewShotProtocol.AUTHORS, FewShotProtocol.STRICT_STEPS, shuffled, ""));
    assertTrue(table.contains("spends 10,000 extra labels"), table);
    assertTrue(table.indexOf("mnist 1-shot") < table.indexOf("fashion-mnist 1-shot"), table);
  }

  @Test
  void theSettingBehindEachTunedCellIsListed() {
    List<FewShotResult> results =
        List.of(
            line("mnist", "vanilla", 0, 0.4),
            new FewShotResult(
                "mnist",
                1,
                "bean2",
                0,
                "strict",
                Hyperparameters.of("alpha", 1e4),
                0.5,
                0.45,
                10,
                2.0),
            new FewShotResult(
                "mnist",
                1,
                "l1",
                0,
                "strict",
                Hyperparameters.of("lambda", 1e-4),
                0.5,
                0.45,
                10,
                2.0),
            new FewShotResult(
                "fashion-mnist",
                1,
                "l1",
                0,
                "strict",
                Hyperparameters.of("lambda", 0.01),
                0.5,
                0.4,
                10,
                2));
    String table =
        FewShotTable.render(FewShotProtocol.STRICT, FewShotProtocol.STRICT_STEPS, results, "");
    assertTrue(table.contains("| + BEAN-2 | alpha=10000 | — |"), table);
    assertTrue(table.contains("| + ℓ1 | lambda=1e-4 | lambda=0.01 |"), table);
    assertTrue(table.lines().noneMatch(l -> l.startsWith("| LeNet-5 | |")), table);
  }

  @Test
  void aCellWithFewerDrawsSaysHowMany() {
    List<FewShotResult> results =
        List.of(
            line("mnist", "vanilla", 0, 0.4),
            line("mnist", "vanilla", 1, 0.5),
            line("mnist", "knn", 0, 0.3));
    assertTrue(
        FewShotTable.render(FewShotProtocol.STRICT, FewShotProtocol.STRICT_STEPS, results, "")
            .contains("| 30.00 (n = 1) |"));
  }

  /**
   * Two-sided exact p of the signed-rank statistic by enumerating every sign pattern (distinct |d|,
   * no zeros).
   */
  private static double exactTwoSided(double[] d) {
    int n = d.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[order[r]] = r + 1;
    }
    int observed = 0;
    for (int i = 0; i < n; i++) {
      observed += d[i] > 0 ? rank[i] : 0;
    }
    int total = n * (n + 1) / 2;
    int extreme = Math.max(observed, total - observed);
    int atLeast = 0;
    for (int signs = 0; signs < (1 << n); signs++) {
      int w = 0;
      for (int i = 0; i < n; i++) {
        w += (signs >> i & 1) == 1 ? i + 1 : 0;
      }
      atLeast += w >= extreme ? 1 : 0;
    }
    return Math.min(1, 2.0 * atLeast / (1 << n));
  }

  private static String meanSd(double[] values) {
    return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean(values), 100 * sd(values));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double sd(double[] values) {
    double m = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - m) * (v - m);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  @Test
  void theStrictDescriptionStatesTheStoresSteps() {
    List<FewShotResult> results =
        List.of(
            new FewShotResult(
                "mnist", 1, "vanilla", 0, "strict", Hyperparameters.NONE, 0.5, 0.4, 10, 1.0));
    String table = FewShotTable.render(FewShotProtocol.STRICT, 10, results, "");
    assertTrue(
        table.contains(
            "full-batch Adam (lr 5e-4) for 10 steps, the best of the steps validated every 10 "
                + "kept."),
        table);
    assertTrue(
        FewShotTable.render(FewShotProtocol.STRICT, 500, results, "").contains("for 500 steps"));
  }

  @Test
  void aStoreWithoutResultsHasATableSayingSo() {
    // a shard with no cells of its own, or a merge of shards that have not finished a run yet
    String table = FewShotTable.render(FewShotProtocol.STRICT, 500, List.of(), "Shard 3/4.");
    assertTrue(table.endsWith("Shard 3/4.\n\nNo results yet.\n"), table);
  }
}
