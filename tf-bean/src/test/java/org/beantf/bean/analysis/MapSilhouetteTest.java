package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The MATLAB-style map silhouette: recomputed from its stored map and clusters by a plain double
 * loop; unstructured weights land on the floor (about 0.5, REFERENCE.md), ten planted assemblies
 * far above it.
 */
class MapSilhouetteTest {
  private static final int K = 10;

  @Test
  void theStoredMapAndClustersGiveTheStoredSilhouette() {
    MapSilhouette result = MapSilhouette.of(uniform(120, 10, 3), K, 7, 1);
    MapSilhouette.MapClusters first = result.first();
    assertEquals(120, first.map().length);
    assertEquals(
        squaredEuclideanSilhouette(first.map(), first.clusterIds()), first.silhouette(), 1e-12);
    assertEquals(first.silhouette(), result.silhouettes()[0]);
  }

  @Test
  void unstructuredWeightsLieOnTheFloorAndPlantedAssembliesFarAboveIt() {
    MapSilhouette random = MapSilhouette.of(uniform(200, 10, 11), K, 1, 4);
    double floorMean = MapSilhouette.Summary.mean(random.floor());
    assertTrue(floorMean > 0.35 && floorMean < 0.7, "floor " + floorMean);
    double spread =
        MapSilhouette.Summary.max(random.floor()) - MapSilhouette.Summary.mean(random.floor());
    assertTrue(
        Math.abs(random.mean() - floorMean) < 3 * Math.max(spread, 0.03),
        "random W " + random.mean() + " against floor " + floorMean);

    MapSilhouette planted = MapSilhouette.of(assemblies(200, 10, 5), K, 1, 4);
    assertTrue(
        planted.mean() > MapSilhouette.Summary.max(planted.floor()) + 0.2,
        "planted "
            + planted.mean()
            + " against floor max "
            + MapSilhouette.Summary.max(planted.floor()));
  }

  @Test
  void theSameSeedGivesTheSameNumbers() {
    double[][] w = uniform(60, 10, 5);
    MapSilhouette a = MapSilhouette.of(w, K, 3, 2);
    MapSilhouette b = MapSilhouette.of(w, K, 3, 2);
    assertArrayEquals(a.silhouettes(), b.silhouettes());
    assertArrayEquals(a.floor(), b.floor());
    assertArrayEquals(a.shuffled(), b.shuffled());
  }

  /** s(i) = (b − a) / max(a, b) with d = ‖x_i − x_j‖², straight from the definition. */
  private static double squaredEuclideanSilhouette(double[][] map, int[] ids) {
    int n = map.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      java.util.Map<Integer, double[]> sums = new java.util.HashMap<>();
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double dx = map[i][0] - map[j][0];
        double dy = map[i][1] - map[j][1];
        double[] s = sums.computeIfAbsent(ids[j], c -> new double[2]);
        s[0] += dx * dx + dy * dy;
        s[1]++;
      }
      double[] own = sums.get(ids[i]);
      if (own == null) {
        continue; // alone in its cluster: 0
      }
      double a = own[0] / own[1];
      double b = Double.POSITIVE_INFINITY;
      for (var e : sums.entrySet()) {
        if (e.getKey() != ids[i]) {
          b = Math.min(b, e.getValue()[0] / e.getValue()[1]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }

  private static double[][] uniform(int n, int m, long seed) {
    Random random = new Random(seed);
    double[][] w = new double[n][m];
    for (double[] row : w) {
      for (int j = 0; j < m; j++) {
        row[j] = random.nextDouble() * 2 - 1;
      }
    }
    return w;
  }

  /** Neuron i connects to class i mod m alone, plus small noise: m planted assemblies. */
  private static double[][] assemblies(int n, int m, long seed) {
    Random random = new Random(seed);
    double[][] w = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        w[i][j] = 0.01 * random.nextGaussian() + (j == i % m ? 1 : 0);
      }
    }
    return w;
  }
}
