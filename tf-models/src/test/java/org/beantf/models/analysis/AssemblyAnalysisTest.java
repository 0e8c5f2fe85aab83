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
                layer(true), TEST, CLASSES, new AnalysisSettings(3, 1, 1, 2), steps::add)
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
    assertEquals(5, steps.size(), steps.toString());
    assertTrue(steps.get(4).contains("population ablation"), steps.toString());
  }

  @Test
  void aSourceThatCannotSilenceHasNoAblation() {
    LayerAnalysis a =
        new AssemblyAnalysis(layer(false), TEST, CLASSES, new AnalysisSettings(3, 1, 1, 1), s -> {})
            .analyse("hidden");
    assertNull(a.ablation());
    assertEquals(1, a.correlation()[0][0], 0);
  }

  @Test
  void theSameSeedGivesTheSameAnalysis() {
    AnalysisSettings settings = new AnalysisSettings(4, 9, 1, 2);
    LayerAnalysis first =
        new AssemblyAnalysis(layer(true), TEST, CLASSES, settings, s -> {}).analyse("hidden");
    LayerAnalysis second =
        new AssemblyAnalysis(layer(true), TEST, CLASSES, settings, s -> {}).analyse("hidden");
    assertArrayEquals(first.clustering().labels(), second.clustering().labels());
    assertArrayEquals(first.tsne(), second.tsne());
    assertEquals(first.shuffled().mean(), second.shuffled().mean());
  }
}
