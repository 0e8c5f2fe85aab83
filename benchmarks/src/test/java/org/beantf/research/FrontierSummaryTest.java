package org.beantf.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontier table: one row per setting, initialisation and length; means over seeds, with the
 * seeds' range for accuracy and both silhouettes; vanilla first.
 */
class FrontierSummaryTest {
  @TempDir Path root;

  private void run(String name, double accuracy, String analysis) throws Exception {
    Path folder = Files.createDirectories(root.resolve("mlp").resolve(name));
    Files.writeString(folder.resolve("report.json"), "{\"test_accuracy\": " + accuracy + "}");
    if (analysis != null) {
      Files.writeString(folder.resolve("analysis.json"), analysis);
    }
  }

  private static String analysis(double silhouette, double paper, double ablation) {
    return """
        {"layers": {"hidden": {"silhouette": %s, "paper_silhouette": {"weights": {"mean": %s},
          "floor": {"mean": 0.5}}, "ari_clusters_vs_preferred": 0.2,
          "ari_clusters_vs_strongest_outgoing": 0.4, "negative_fraction": 0.1,
          "ablation_score": %s, "sparsity": 0.9, "ablation_groups": "preferred_class"}}}
        """
        .formatted(silhouette, paper, ablation);
  }

  @Test
  void averagesSeedsAndShowsTheirRange() throws Exception {
    run("bean1-a30-pytorch-e50-s1", 0.976, analysis(0.43, 0.64, 0.95));
    run("bean1-a30-pytorch-e50-s2", 0.978, analysis(0.47, 0.66, 0.97));
    run("vanilla-glorot-e5-s1", 0.97, null);
    run("not-a-run", 0.5, null);

    List<String> lines = FrontierSummary.table(FrontierSummary.read(root)).lines().toList();

    assertEquals("#### mlp", lines.get(1));
    // vanilla first, unanalysed: n/a and no range with one seed
    assertEquals(
        "| vanilla | glorot | 5 | 1 (0 analysed) | 0.970 | n/a | n/a | n/a | n/a | n/a | n/a | n/a"
            + " | n/a | n/a |",
        lines.get(5));
    // means (0.976 + 0.978) / 2 = 0.977, (0.43 + 0.47) / 2 = 0.45, (0.64 + 0.66) / 2 = 0.65,
    // (0.95 + 0.97) / 2 = 0.96
    assertEquals(
        "| bean1-a30 | pytorch | 50 | 2 | 0.977 (0.976–0.978) | 0.450 (0.430–0.470)"
            + " | 0.650 (0.640–0.660) | 0.500 | 0.200 | 0.400 | 0.100 | 0.960 | 0.900"
            + " | preferred_class |",
        lines.get(6));
    assertEquals(7, lines.size(), "the folder that is not a run is left out: " + lines);
  }
}
