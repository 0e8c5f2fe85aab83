package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * analysis.json: DESIGN.md's fields in its order, with its shapes, and null where no number exists.
 */
class AnalysisJsonTest {
  private static final List<String> FIELDS =
      List.of(
          "n",
          "m",
          "k",
          "cluster_ids",
          "silhouette",
          "best_k",
          "best_k_cluster_ids",
          "best_k_silhouette",
          "shuffled_silhouette_mean",
          "shuffled_silhouette_z",
          "ari_clusters_vs_preferred",
          "nmi_clusters_vs_preferred",
          "preferred_class",
          "selectivity",
          "ablation",
          "ablation_score",
          "sparsity",
          "strongest_outgoing",
          "strongest_outgoing_sign",
          "negative_fraction",
          "ari_clusters_vs_strongest_outgoing",
          "ablation_groups",
          "paper_silhouette",
          "assemblies",
          "verdict");

  @Test
  void hasExactlyTheDesignFieldsWithTheirValues() throws Exception {
    String text =
        AnalysisJson.of(
            "runs/a", List.of(SmallAnalysis.of(SmallAnalysis.diagonalAblation(), 0.05)));
    JsonNode root = new ObjectMapper().readTree(text);
    assertEquals(List.of("run", "layers"), names(root));
    assertEquals("runs/a", root.get("run").asText());
    JsonNode layer = root.get("layers").get("hidden");
    assertEquals(FIELDS, names(layer));
    assertEquals(6, layer.get("n").asInt());
    assertEquals(2, layer.get("m").asInt());
    assertEquals(2, layer.get("k").asInt());
    assertEquals("[0,0,0,1,1,1]", layer.get("cluster_ids").toString());
    assertEquals(0.91, layer.get("silhouette").asDouble());
    assertEquals((0.91 - 0.25) / 0.05, layer.get("shuffled_silhouette_z").asDouble(), 1e-12);
    assertEquals("[[-1.0,0.0],[0.0,-1.0]]", layer.get("ablation").toString());
    assertEquals(1.0, layer.get("ablation_score").asDouble());
    assertEquals(0.5, layer.get("sparsity").asDouble());
    assertTrue(text.contains("\n  \"layers\" : {"), "pretty-printed");
    assertEquals("[0,0,0,1,1,1]", layer.get("strongest_outgoing").toString());
    assertEquals("preferred_class", layer.get("ablation_groups").asText());
    JsonNode paper = layer.get("paper_silhouette");
    assertEquals("[0.9,0.94]", paper.get("weights").get("per_seed").toString());
    assertEquals(0.92, paper.get("weights").get("mean").asDouble(), 1e-12);
    assertEquals(0.94, paper.get("weights").get("max").asDouble());
    assertEquals(0.525, paper.get("floor").get("mean").asDouble(), 1e-12);
    assertEquals(Math.sqrt(2 * 0.025 * 0.025), paper.get("floor").get("sd").asDouble(), 1e-12);
    assertEquals(6, paper.get("first_seed_map").size());
    assertEquals("[0,0,0,1,1,1]", paper.get("first_seed_cluster_ids").toString());
    // z = 13.2 ≥ 3 and ablation score 1.0 ≥ 0.5: assemblies by the rule
    assertTrue(layer.get("assemblies").asBoolean());
    assertTrue(
        layer.get("verdict").asText().startsWith("hidden (6 neurons) has neuronal assemblies"),
        layer.get("verdict").asText());
  }

  @Test
  void aMissingZAndAnAblationThatWasNotMeasuredAreNull() throws Exception {
    String text = AnalysisJson.of("model/1", List.of(SmallAnalysis.of(null, 0)));
    JsonNode layer = new ObjectMapper().readTree(text).get("layers").get("hidden");
    assertTrue(layer.get("shuffled_silhouette_z").isNull());
    assertTrue(layer.get("ablation").isNull());
    assertTrue(layer.get("ablation_score").isNull());
    assertTrue(layer.get("assemblies").isNull(), "no verdict without an ablation");
    assertTrue(layer.get("verdict").asText().contains("no verdict"), layer.get("verdict").asText());
    assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
