package org.beantf.models.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.beantf.bean.analysis.MapSilhouette;

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
      ints(layer.putArray("strongest_outgoing"), a.strongestOutgoing());
      ints(layer.putArray("strongest_outgoing_sign"), a.strongestOutgoingSign());
      number(layer, "negative_fraction", a.negativeFraction());
      number(layer, "ari_clusters_vs_strongest_outgoing", a.ariStrongestOutgoing());
      layer.put("ablation_groups", a.groups().jsonName());
      mapSilhouette(layer, a.mapSilhouette());
      // the rule's verdict, so a script need not re-derive it: null without an ablation
      AssemblyVerdict verdict = AssemblyVerdict.of(a);
      if (verdict.measured()) {
        layer.put("assemblies", verdict.assemblies());
      } else {
        layer.putNull("assemblies");
      }
      layer.put("verdict", verdict.sentence());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("analysis.json cannot be written", e);
    }
  }

  /**
   * The paper-style silhouette: per-seed values and summaries of W, its floor and its shuffled
   * null, and the first seed's map and clusters (from which the first value can be recomputed).
   */
  private static void mapSilhouette(ObjectNode layer, MapSilhouette m) {
    if (m == null) {
      layer.putNull("paper_silhouette");
      return;
    }
    ObjectNode node = layer.putObject("paper_silhouette");
    node.put(
        "pipeline",
        String.format(
            Locale.ROOT,
            "t-SNE of the rows of W to 2-D (perplexity %.0f, exaggeration %.0f for %d iterations, "
                + "learning rate %.0f, initial sd %s), k-means with k clusters and 1 replicate on the "
                + "map, silhouette with squared Euclidean distance; seed i = seed + i; floor: fresh "
                + "i.i.d. U(-1, 1) weights of W's shape; shuffled: W's entries permuted",
            MapSilhouette.PERPLEXITY,
            MapSilhouette.EXAGGERATION,
            MapSilhouette.EXAGGERATION_ITERATIONS,
            MapSilhouette.LEARNING_RATE,
            MapSilhouette.INITIAL_SD));
    summary(node.putObject("weights"), m.silhouettes());
    summary(node.putObject("floor"), m.floor());
    summary(node.putObject("shuffled"), m.shuffled());
    ArrayNode map = node.putArray("first_seed_map");
    for (double[] point : m.first().map()) {
      doubles(map.addArray(), point);
    }
    ints(node.putArray("first_seed_cluster_ids"), m.first().clusterIds());
  }

  private static void summary(ObjectNode node, double[] values) {
    doubles(node.putArray("per_seed"), values);
    number(node, "mean", MapSilhouette.Summary.mean(values));
    number(node, "sd", MapSilhouette.Summary.standardDeviation(values));
    number(node, "max", MapSilhouette.Summary.max(values));
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
