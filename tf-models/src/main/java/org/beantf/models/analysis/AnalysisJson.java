package org.beantf.models.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * analysis.json, with exactly the fields of DESIGN.md ("Run directory"): the numbers of every
 * analysed layer, pretty-printed, with null where a number does not exist (NaN) and for the
 * ablation of a SavedModel.
 */
public final class AnalysisJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnalysisJson() {}

  /**
   * The document for the analysis of {@code layers} of {@code run} (the run directory or SavedModel
   * folder).
   */
  public static String of(String run, List<LayerAnalysis> layers) {
    ObjectNode root = JSON.createObjectNode().put("run", run);
    ObjectNode byName = root.putObject("layers");
    for (LayerAnalysis a : layers) {
      ObjectNode layer =
          byName.putObject(a.layer()).put("n", a.n()).put("m", a.m()).put("k", a.k());
      ints(layer.putArray("cluster_ids"), a.clustering().labels());
      number(layer, "silhouette", a.silhouette());
      layer.put("best_k", a.bestK().k());
      ints(layer.putArray("best_k_cluster_ids"), a.bestK().clustering().labels());
      number(layer, "best_k_silhouette", a.bestK().silhouette());
      number(layer, "shuffled_silhouette_mean", a.shuffled().mean());
      number(layer, "shuffled_silhouette_z", a.shuffledZ());
      number(layer, "ari_clusters_vs_preferred", a.ari());
      number(layer, "nmi_clusters_vs_preferred", a.nmi());
      ints(layer.putArray("preferred_class"), a.selectivity().preferredClass());
      doubles(layer.putArray("selectivity"), a.selectivity().selectivity());
      if (a.ablation() == null) {
        layer.putNull("ablation");
        layer.putNull("ablation_score");
      } else {
        ArrayNode rows = layer.putArray("ablation");
        for (double[] row : a.ablation().change()) {
          doubles(rows.addArray(), row);
        }
        number(layer, "ablation_score", a.ablation().score());
      }
      number(layer, "sparsity", a.sparsity());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("analysis.json cannot be written", e);
    }
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void ints(ArrayNode array, int[] values) {
    for (int v : values) {
      array.add(v);
    }
  }

  private static void doubles(ArrayNode array, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }
}
