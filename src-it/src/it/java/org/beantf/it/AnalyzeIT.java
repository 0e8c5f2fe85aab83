package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beantf.cli.BeanCli;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.ModelKind;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean analyze end to end on real MNIST: an MLP + BEAN-2 run trained briefly, analysed through the
 * command line from its checkpoint and from its SavedModel.
 */
class AnalyzeIT {
  private static final int N = 500;
  private static final List<String> PLOTS =
      List.of(
          "hidden-ablation.png",
          "hidden-class-activation.png",
          "hidden-connectivity.png",
          "hidden-correlation.png",
          "hidden-outgoing.png",
          "hidden-tsne-assemblies.png",
          "hidden-tsne-preferred-class.png",
          "hidden-tsne-strongest-outgoing.png");

  @TempDir static Path dir;

  private static Path run;
  private static JsonNode fromRun;

  @BeforeAll
  static void trainAndAnalyse() throws Exception {
    Dataset mnist = DatasetCache.fromEnvironment(System.err::println).load(DatasetId.MNIST);
    int[] first = new int[6000];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean2")
            .epochs(1)
            .threads(2)
            .build();
    run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), mnist.train().subset(first), mnist.test()),
            RunDirectory.forNewRun(run));

    // two seeds of the paper-style silhouette keep the test short; bean analyze runs ten
    assertEquals(0, BeanCli.run("analyze", "--run", run.toString(), "--map-seeds", "2"));
    fromRun = new ObjectMapper().readTree(run.resolve("analysis/analysis.json").toFile());
  }

  @Test
  void analysisJsonHasEveryFieldWithItsShapeAndRange() {
    assertEquals(run.toString(), fromRun.get("run").asText());
    JsonNode layer = fromRun.get("layers").get("hidden");
    assertEquals(N, layer.get("n").asInt());
    assertEquals(10, layer.get("m").asInt());
    assertEquals(10, layer.get("k").asInt());
    assertLabels(layer.get("cluster_ids"), 10);
    assertBetween(-1, 1, layer.get("silhouette"));
    int bestK = layer.get("best_k").asInt();
    assertTrue(bestK >= 2 && bestK <= 20, "best k " + bestK);
    assertLabels(layer.get("best_k_cluster_ids"), bestK);
    assertTrue(
        layer.get("best_k_silhouette").asDouble() >= layer.get("silhouette").asDouble(),
        "best of 2..20");
    assertBetween(-1, 1, layer.get("shuffled_silhouette_mean"));
    assertTrue(layer.get("shuffled_silhouette_z").isNumber());
    assertBetween(-1, 1, layer.get("ari_clusters_vs_preferred"));
    assertBetween(0, 1, layer.get("nmi_clusters_vs_preferred"));
    assertLabels(layer.get("preferred_class"), 10);
    assertEquals(N, layer.get("selectivity").size());
    layer.get("selectivity").forEach(s -> assertBetween(0, 1, s));
    assertEquals(10, layer.get("ablation").size());
    double ownClass = 0;
    for (int g = 0; g < 10; g++) {
      assertEquals(10, layer.get("ablation").get(g).size());
      layer.get("ablation").get(g).forEach(change -> assertBetween(-1, 1, change));
      ownClass += layer.get("ablation").get(g).get(g).asDouble() / 10;
    }
    if (layer.get("ablation_groups").asText().equals("preferred_class")) {
      assertTrue(
          ownClass < 0, "silencing a class's neurons costs that class accuracy: " + ownClass);
      assertTrue(
          layer.get("ablation_score").asDouble() > 0, "own class loses more than the others");
    }
    assertBetween(0, 1, layer.get("sparsity"));
    assertLabels(layer.get("strongest_outgoing"), 10);
    layer.get("strongest_outgoing_sign").forEach(s -> assertBetween(-1, 1, s));
    assertBetween(0, 1, layer.get("negative_fraction"));
    assertBetween(-1, 1, layer.get("ari_clusters_vs_strongest_outgoing"));
    String groups = layer.get("ablation_groups").asText();
    assertEquals(
        layer.get("ari_clusters_vs_strongest_outgoing").asDouble()
                > layer.get("ari_clusters_vs_preferred").asDouble()
            ? "strongest_outgoing"
            : "preferred_class",
        groups,
        "the ablation groups by the assignment that agrees better with the clusters");
  }

  /**
   * The paper-style silhouette on real weights: two seeds, each with a floor and a shuffled value
   * near 0.5 (REFERENCE.md), and the first seed's silhouette recomputed here from the stored map
   * and cluster ids with squared Euclidean distances.
   */
  @Test
  void thePaperStyleSilhouetteCanBeRecomputedFromTheStoredMap() {
    JsonNode paper = fromRun.get("layers").get("hidden").get("paper_silhouette");
    for (String part : List.of("weights", "floor", "shuffled")) {
      assertEquals(2, paper.get(part).get("per_seed").size(), part);
      assertBetween(-1, 1, paper.get(part).get("mean"));
    }
    assertBetween(0.35, 0.7, paper.get("floor").get("mean"));
    JsonNode map = paper.get("first_seed_map");
    JsonNode ids = paper.get("first_seed_cluster_ids");
    assertEquals(N, map.size());
    assertLabels(ids, 10);
    double total = 0;
    for (int i = 0; i < N; i++) {
      double[] sum = new double[10];
      int[] count = new int[10];
      for (int j = 0; j < N; j++) {
        if (j != i) {
          double dx = map.get(i).get(0).asDouble() - map.get(j).get(0).asDouble();
          double dy = map.get(i).get(1).asDouble() - map.get(j).get(1).asDouble();
          sum[ids.get(j).asInt()] += dx * dx + dy * dy;
          count[ids.get(j).asInt()]++;
        }
      }
      int own = ids.get(i).asInt();
      if (count[own] == 0) {
        continue; // alone in its cluster: s = 0
      }
      double a = sum[own] / count[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < 10; c++) {
        if (c != own && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    assertEquals(
        total / N, paper.get("weights").get("per_seed").get(0).asDouble(), 1e-9, "recomputed");
  }

  @Test
  void thePlotsAndTheReportAreInTheRunsAnalysisFolder() throws Exception {
    Path analysis = run.resolve("analysis");
    try (Stream<Path> files = Files.list(analysis.resolve("plots"))) {
      assertEquals(PLOTS, files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String plot : PLOTS) {
      assertTrue(Files.size(analysis.resolve("plots").resolve(plot)) > 10_000, plot);
    }
    String html = Files.readString(analysis.resolve("report.html"));
    assertEquals(PLOTS.size(), html.split("data:image/png;base64,", -1).length - 1);
    assertTrue(html.contains("bean analyze --run " + run));
  }

  @Test
  void theSavedModelGivesTheSameAssembliesWithoutAblation() throws Exception {
    assertEquals(
        0,
        BeanCli.run("export", "--run", run.toString(), "--base", dir.resolve("models").toString()));
    Path out = dir.resolve("from-savedmodel");
    assertEquals(
        0,
        BeanCli.run(
            "analyze",
            "--model",
            dir.resolve("models/mlp").toString(),
            "--dataset",
            "mnist",
            "--out",
            out.toString(),
            "--map-seeds",
            "0"));
    JsonNode layer =
        new ObjectMapper()
            .readTree(out.resolve("analysis.json").toFile())
            .get("layers")
            .get("hidden");
    JsonNode expected = fromRun.get("layers").get("hidden");
    assertEquals(expected.get("cluster_ids"), layer.get("cluster_ids"), "same weights, same seed");
    assertEquals(expected.get("silhouette"), layer.get("silhouette"));
    assertArrayEquals(
        doubles(expected.get("selectivity")), doubles(layer.get("selectivity")), 1e-4);
    assertTrue(layer.get("ablation").isNull());
    assertTrue(layer.get("ablation_score").isNull());
    assertTrue(layer.get("paper_silhouette").isNull(), "--map-seeds 0 skips it");
  }

  private static void assertLabels(JsonNode labels, int k) {
    assertEquals(N, labels.size());
    boolean[] seen = new boolean[k];
    labels.forEach(
        label -> {
          assertTrue(label.asInt() >= 0 && label.asInt() < k, "label " + label);
          seen[label.asInt()] = true;
        });
    for (int c = 0; c < k; c++) {
      assertTrue(seen[c], "label " + c + " is used");
    }
  }

  private static void assertBetween(double low, double high, JsonNode value) {
    assertTrue(
        value.isNumber() && value.asDouble() >= low && value.asDouble() <= high,
        value + " in [" + low + ", " + high + "]");
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
