package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /**
   * 1-D points {0, 1, 10, 11}: the best split is {0, 1} | {10, 11}, centres 0.5 and 10.5, inertia 4
   * · 0.5² = 1.
   */
  @Test
  void splitsTwoPairsWithTheHandComputedCentresAndInertia() {
    Clustering c = KMeans.cluster(new double[][] {{10}, {0}, {11}, {1}}, 2, 7);

    assertArrayEquals(new int[] {0, 1, 0, 1}, c.labels());
    assertEquals(10.5, c.centroids()[0][0], 1e-12);
    assertEquals(0.5, c.centroids()[1][0], 1e-12);
    assertEquals(1.0, c.inertia(), 1e-12);
    assertEquals(2, c.k());
  }

  /**
   * Against brute force: the minimum inertia over all 2^(N−1) two-way partitions of 9 random
   * points.
   */
  @Test
  void reachesTheExhaustiveMinimumInertiaForTwoClusters() {
    Random random = new Random(3);
    double[][] points = new double[9][2];
    for (double[] p : points) {
      p[0] = random.nextDouble();
      p[1] = random.nextDouble();
    }
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 1; mask < 1 << (points.length - 1); mask++) {
      best = Math.min(best, inertiaOfSplit(points, mask));
    }

    assertEquals(best, KMeans.cluster(points, 2, 11).inertia(), 1e-12);
  }

  private static double inertiaOfSplit(double[][] points, int mask) {
    double total = 0;
    for (int side = 0; side < 2; side++) {
      double sumX = 0;
      double sumY = 0;
      int count = 0;
      for (int i = 0; i < points.length; i++) {
        if (((mask >> i) & 1) == side) {
          sumX += points[i][0];
          sumY += points[i][1];
          count++;
        }
      }
      for (int i = 0; i < points.length; i++) {
        if (((mask >> i) & 1) == side) {
          total +=
              Math.pow(points[i][0] - sumX / count, 2) + Math.pow(points[i][1] - sumY / count, 2);
        }
      }
    }
    return total;
  }

  @Test
  void recoversBlobsWithCanonicalLabelsAndCentroidsAtTheBlobMeans() {
    Blobs blobs = Blobs.of(4, 25, 6, 10, 0.5, 1);
    Clustering c = KMeans.cluster(blobs.points(), 4, 5);

    // Blobs are interleaved 0, 1, 2, 3, 0, …, so first appearance numbers the clusters as the
    // blobs.
    assertArrayEquals(blobs.labels(), c.labels());
    for (int b = 0; b < 4; b++) {
      for (int d = 0; d < 6; d++) {
        double sum = 0;
        for (int i = b; i < blobs.points().length; i += 4) {
          sum += blobs.points()[i][d];
        }
        assertEquals(sum / 25, c.centroids()[b][d], 1e-9, "centroid " + b + " axis " + d);
      }
    }
    double inertia = 0;
    for (int i = 0; i < blobs.points().length; i++) {
      for (int d = 0; d < 6; d++) {
        inertia += Math.pow(blobs.points()[i][d] - c.centroids()[c.labels()[i]][d], 2);
      }
    }
    assertEquals(inertia, c.inertia(), 1e-9);
  }

  @Test
  void sameSeedGivesTheSameResult() {
    double[][] points = randomPoints(80, 5, 2);
    Clustering first = KMeans.cluster(points, 7, 42);
    Clustering second = KMeans.cluster(points, 7, 42);

    assertArrayEquals(first.labels(), second.labels());
    assertArrayEquals(first.centroids(), second.centroids());
    assertEquals(first.inertia(), second.inertia(), 0.0);
  }

  /**
   * The first restart replays the single run (same generator), so more restarts can only lower the
   * inertia.
   */
  @Test
  void restartsNeverRaiseAndSometimesLowerTheInertia() {
    double[][] points = randomPoints(60, 2, 9);
    boolean lowered = false;
    for (long seed = 0; seed < 10; seed++) {
      double one = KMeans.cluster(points, 8, seed, 1).inertia();
      double ten = KMeans.cluster(points, 8, seed, 10).inertia();
      assertTrue(ten <= one, "seed " + seed + ": 10 restarts " + ten + " > 1 restart " + one);
      lowered |= ten < one;
    }
    assertTrue(lowered, "no seed found a better local minimum with restarts");
  }

  @Test
  void oneClusterIsTheMeanWithTheTotalSumOfSquares() {
    double[][] points = {{1, 2}, {3, 2}, {2, 5}};
    Clustering c = KMeans.cluster(points, 1, 0);

    assertArrayEquals(new int[3], c.labels());
    assertArrayEquals(new double[] {2, 3}, c.centroids()[0], 1e-12);
    // (1 + 1) + (1 + 1) + (0 + 4)
    assertEquals(8, c.inertia(), 1e-12);
  }

  @Test
  void duplicatePointsFormTheirOwnClustersWithZeroInertia() {
    double[][] points = {{5}, {0}, {0}, {5}, {0}, {9}, {5}, {9}};
    Clustering c = KMeans.cluster(points, 3, 1);

    assertArrayEquals(new int[] {0, 1, 1, 0, 1, 2, 0, 2}, c.labels());
    assertEquals(0, c.inertia(), 0.0);
  }

  @Test
  void rejectsMoreClustersThanPointsOrDistinctPoints() {
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class, () -> KMeans.cluster(randomPoints(10, 2, 1), 12, 0));
    assertEquals("k = 12 exceeds the 10 points", tooMany.getMessage());

    IllegalArgumentException duplicates =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.cluster(new double[][] {{0, 1}, {0, 1}, {2, 2}, {-0.0, 1}}, 3, 0));
    assertTrue(duplicates.getMessage().contains("2 distinct points"), duplicates.getMessage());
  }

  @Test
  void rejectsBadArguments() {
    double[][] points = randomPoints(5, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(points, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(points, 2, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(new double[0][], 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> KMeans.cluster(new double[][] {{1, 2}, {3}}, 1, 0));
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.cluster(new double[][] {{1, 2}, {3, Double.NaN}}, 1, 0));
    assertEquals("points[1][1] = NaN; expected a finite value", nan.getMessage());
  }

  static double[][] randomPoints(int n, int dimensions, long seed) {
    Random random = new Random(seed);
    double[][] points = new double[n][dimensions];
    for (double[] p : points) {
      for (int d = 0; d < dimensions; d++) {
        p[d] = random.nextDouble();
      }
    }
    return points;
  }
}
