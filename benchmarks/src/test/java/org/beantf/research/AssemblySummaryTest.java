package org.beantf.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The markdown table of analysis.json files: means over seeds, rows by regularizer, layers in model
 * order.
 */
class AssemblySummaryTest {
  @TempDir Path root;

  private void analysis(String model, String run, String... layers) throws Exception {
    Path folder = Files.createDirectories(root.resolve(model).resolve(run));
    Files.writeString(
        folder.resolve("analysis.json"),
        "{\"run\": \"x\", \"layers\": {" + String.join(", ", layers) + "}}");
  }

  private static String layer(String name, double silhouette, int bestK, String ablationScore) {
    return """
        "%s": {"n": 4, "m": 2, "k": 2, "silhouette": %s, "best_k": %d, "best_k_silhouette": 0.9,
          "shuffled_silhouette_mean": 0.1, "shuffled_silhouette_z": null, "ari_clusters_vs_preferred": 1.0,
          "nmi_clusters_vs_preferred": 1.0, "ablation_score": %s, "sparsity": 0.25}
        """
        .formatted(name, silhouette, bestK, ablationScore);
  }

  @Test
  void averagesTheSeedsAndOrdersRowsAndLayers() throws Exception {
    analysis("lenet5", "bean2-a100000-s1", layer("fc2", 0.7, 12, "0.5"));
    analysis("lenet5", "bean2-a100000-s2", layer("fc2", 0.8, 11, "0.7"));
    analysis(
        "lenet5", "vanilla-s1", layer("fc2", 0.5, 3, "null"), layer("flatten", 0.1, 2, "null"));

    List<String> lines = AssemblySummary.summarise(root).lines().toList();

    assertEquals(
        "#### lenet5, layer flatten", lines.get(1), "the model's layer order: flatten before fc2");
    int fc2 = lines.indexOf("#### lenet5, layer fc2");
    assertTrue(lines.get(fc2 + 4).startsWith("| vanilla | 1 | 3 | 0.500 |"), lines.get(fc2 + 4));
    assertEquals(
        "| bean2-a100000 | 2 | 12, 11 | 0.750 | 0.900 | 0.100 | n/a | 1.000 | 1.000 | 0.600 | 0.250 |",
        lines.get(fc2 + 5));
  }

  @Test
  void baselinesComeBeforeBean() {
    assertTrue(AssemblySummary.compareSettings("l1-1e-5", "bean1-a100") < 0);
    assertTrue(AssemblySummary.compareSettings("vanilla", "dropout-p0.5") < 0);
    assertTrue(AssemblySummary.compareSettings("bean2-a10", "bean2-a100") < 0);
  }
}
