package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.beantf.data.ImageSet;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a layer built to have three assemblies: 30 neurons whose outgoing weights point
 * to one of three outputs, each firing for one class and voting for it.
 */
class AssemblyAnalysisTest {
  private static final int N = 30;
  private static final int CLASSES = 3;
  private static final ImageSet TEST = new ImageSet(new float[60], labels(60), 1, 1, 1);

  private static int assemblyOf(int neuron) {
    return neuron % CLASSES;
  }

  private static FakeLayers layer(boolean canSilence) {
    SplittableRandom random = new SplittableRandom(5);
    float[][] w = new float[N][4];
    int[] votes = new int[N];
    for (int i = 0; i < N; i++) {
      w[i][assemblyOf(i)] = (float) (1 + 0.05 * random.nextGaussian());
      votes[i] = assemblyOf(i);
    }
    float[][] h = new float[TEST.size()][N];
    for (int s = 0; s < h.length; s++) {
      for (int i = 0; i < N; i++) {
        h[s][i] = TEST.label(s) == assemblyOf(i) ? (float) (1 + 0.1 * random.nextDouble()) : 0.05f;
      }
    }
    return new FakeLayers(w, h, votes, CLASSES, canSilence);
  }

  private static int[] labels(int count) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % CLASSES;
    }
    return labels;
  }

  @Test
  void findsTheAssembliesTheirClassesAndWhatSilencingThemCosts() {
    List<String> steps = new ArrayList<>();
    LayerAnalysis a =
        new AssemblyAnalysis(
                layer(true), TEST, CLASSES, new AnalysisSettings(3, 1, 1, 2, 2), steps::add)
            .analyse("hidden");

    assertEquals(N, a.n());
    assertEquals(4, a.m());
    assertEquals(3, a.k());
    assertTrue(a.silhouette() > 0.9, "silhouette " + a.silhouette());
    assertEquals(3, a.bestK().k());
    assertTrue(a.shuffledZ() > 3, "z " + a.shuffledZ());
    assertEquals(1, a.ari(), 1e-12);
    assertEquals(1, a.nmi(), 1e-12);
    for (int i = 0; i < N; i++) {
      assertEquals(assemblyOf(i), a.selectivity().preferredClass()[i]);
      assertTrue(a.selectivity().selectivity()[i] > 0.85, "neuron " + i);
    }
    assertEquals(1, a.ablation().score(), 1e-12);
    assertArrayEquals(new double[] {-1, 0, 0}, a.ablation().change()[0], 1e-12);
    assertEquals(0.75, a.sparsity(), 1e-12);
    assertEquals(N, a.tsne().length);
    assertEquals(2, a.tsne()[0].length);
    assertTrue(a.tsneSilhouette() > 0.8, "t-SNE keeps the blobs apart: " + a.tsneSilhouette());
    assertEquals(3, a.outgoingProfiles().length);
    assertEquals(2, a.correlation()[0][0], 0, "the order asked for");
    assertEquals(6, steps.size(), steps.toString());
    assertTrue(steps.get(3).contains("paper-style silhouette"), steps.toString());
    assertTrue(steps.get(5).contains("population ablation"), steps.toString());
    // three planted assemblies, far above the map silhouette of fresh weights of the same shape
    assertEquals(2, a.mapSilhouette().silhouettes().length);
    assertTrue(
        a.mapSilhouette().mean()
            > org.beantf.bean.analysis.MapSilhouette.Summary.max(a.mapSilhouette().floor()),
        "map silhouette " + a.mapSilhouette().mean());
    // W has 4 columns for 3 classes: its targets are not classes, so the preferred class groups
    assertTrue(Double.isNaN(a.ariStrongestOutgoing()));
    assertEquals(NeuronGroups.PREFERRED_CLASS, a.groups());
    assertEquals(0, a.negativeFraction(), "every present weight is positive");
  }

  /**
   * Inhibitory assemblies as the authors' LeNet-5 has them: each neuron suppresses one class (its
   * only weight, negative, to that output) and fires for a class unrelated to it. The clusters
   * follow the suppressed class, so the report groups by it, and silencing the group that
   * suppresses class c costs the other classes, not c.
   */
  @Test
  void inhibitoryAssembliesAreGroupedByTheClassTheySuppress() {
    SplittableRandom random = new SplittableRandom(8);
    float[][] w = new float[N][CLASSES];
    int[] fires = new int[N];
    for (int i = 0; i < N; i++) {
      w[i][assemblyOf(i)] = (float) (-1 - 0.05 * random.nextGaussian());
      fires[i] = (i / CLASSES) % CLASSES; // 0,0,0,1,1,1,…: independent of i % 3
    }
    float[][] h = new float[TEST.size()][N];
    for (int s = 0; s < h.length; s++) {
      for (int i = 0; i < N; i++) {
        h[s][i] = TEST.label(s) == fires[i] ? 1f : 0.05f;
      }
    }
    LayerAnalysis a =
        new AssemblyAnalysis(
                new FakeLayers(w, h, fires, CLASSES, true),
                TEST,
                CLASSES,
                new AnalysisSettings(3, 1, 1, 1, 0),
                s -> {})
            .analyse("hidden");
    assertEquals(1, a.ariStrongestOutgoing(), 1e-12);
    assertTrue(a.ari() < 0.2, "preferred-class ARI " + a.ari());
    assertEquals(NeuronGroups.STRONGEST_OUTGOING, a.groups());
    assertEquals(1, a.negativeFraction(), 0);
    for (int i = 0; i < N; i++) {
      assertEquals(assemblyOf(i), a.strongestOutgoing()[i]);
      assertEquals(-1, a.strongestOutgoingSign()[i]);
    }
    assertArrayEquals(a.strongestOutgoing(), a.groupOf());
    assertNull(a.mapSilhouette(), "--map-seeds 0 skips it");
  }

  /**
   * analysis.json holds the first seed's map and clusters: the squared-Euclidean silhouette
   * recomputed from them here, straight from Rousseeuw's definition, is the stored first value.
   */
  @Test
  void theStoredMapAndClusterIdsGiveTheStoredPaperSilhouette() throws Exception {
    LayerAnalysis a =
        new AssemblyAnalysis(
                layer(true), TEST, CLASSES, new AnalysisSettings(3, 4, 1, 1, 1), s -> {})
            .analyse("hidden");
    com.fasterxml.jackson.databind.JsonNode paper =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(AnalysisJson.of("run", List.of(a)))
            .get("layers")
            .get("hidden")
            .get("paper_silhouette");
    com.fasterxml.jackson.databind.JsonNode map = paper.get("first_seed_map");
    com.fasterxml.jackson.databind.JsonNode ids = paper.get("first_seed_cluster_ids");
    int n = map.size();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[CLASSES];
      int[] count = new int[CLASSES];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dx = map.get(i).get(0).asDouble() - map.get(j).get(0).asDouble();
          double dy = map.get(i).get(1).asDouble() - map.get(j).get(1).asDouble();
          sum[ids.get(j).asInt()] += dx * dx + dy * dy;
          count[ids.get(j).asInt()]++;
        }
      }
      int own = ids.get(i).asInt();
      double within = sum[own] / count[own];
      double nearest = Double.POSITIVE_INFINITY;
      for (int c = 0; c < CLASSES; c++) {
        if (c != own && count[c] > 0) {
          nearest = Math.min(nearest, sum[c] / count[c]);
        }
      }
      total += (nearest - within) / Math.max(within, nearest);
    }
    assertEquals(N, n);
    assertEquals(total / n, paper.get("weights").get("per_seed").get(0).asDouble(), 1e-9);
  }

  @Test
  void aSourceThatCannotSilenceHasNoAblation() {
    LayerAnalysis a =
        new AssemblyAnalysis(
                layer(false), TEST, CLASSES, new AnalysisSettings(3, 1, 1, 1, 0), s -> {})
            .analyse("hidden");
    assertNull(a.ablation());
    assertEquals(1, a.correlation()[0][0], 0);
  }

  @Test
  void theSameSeedGivesTheSameAnalysis() {
    AnalysisSettings settings = new AnalysisSettings(4, 9, 1, 2, 0);
    LayerAnalysis first =
        new AssemblyAnalysis(layer(true), TEST, CLASSES, settings, s -> {}).analyse("hidden");
    LayerAnalysis second =
        new AssemblyAnalysis(layer(true), TEST, CLASSES, settings, s -> {}).analyse("hidden");
    assertArrayEquals(first.clustering().labels(), second.clustering().labels());
    assertArrayEquals(first.tsne(), second.tsne());
    assertEquals(first.shuffled().mean(), second.shuffled().mean());
  }
}
