package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BestKTest {

  @Test
  void findsTheNumberOfBlobsAndReportsEveryK() {
    Blobs blobs = Blobs.of(4, 15, 5, 10, 0.5, 2);
    BestK.Result result = BestK.search(blobs.points(), 2, 8, 3, 5);

    assertEquals(4, result.k());
    assertArrayEquals(blobs.labels(), result.clustering().labels());
    assertEquals(7, result.silhouetteByK().length, "k = 2..8");
    assertEquals(
        Silhouette.mean(blobs.points(), result.clustering().labels()), result.silhouette(), 1e-12);
    assertEquals(result.silhouette(), result.silhouetteByK()[4 - 2], 0.0);
    for (int i = 0; i < result.silhouetteByK().length; i++) {
      double byK = result.silhouetteByK()[i];
      assertEquals(
          Silhouette.mean(blobs.points(), KMeans.cluster(blobs.points(), 2 + i, 3, 5).labels()),
          byK,
          1e-12,
          "k = " + (2 + i));
      assertTrue(byK <= result.silhouette(), "k = " + (2 + i) + " scores " + byK);
    }
  }

  @Test
  void defaultsSearchTwoToTwentyCappedBelowN() {
    assertEquals(
        19, BestK.search(KMeansTest.randomPoints(40, 3, 1), 9).silhouetteByK().length, "k = 2..20");
    assertEquals(
        5, BestK.search(KMeansTest.randomPoints(7, 3, 1), 9).silhouetteByK().length, "k = 2..6");
  }

  @Test
  void capsAtTheNumberOfDistinctPoints() {
    double[][] points = {{0}, {0}, {1}, {1}, {5}, {5}, {9}};

    assertEquals(3, BestK.search(points, 1).silhouetteByK().length, "k = 2..4");
  }

  @Test
  void rejectsBadRanges() {
    double[][] points = KMeansTest.randomPoints(10, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> BestK.search(points, 1, 5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> BestK.search(points, 5, 4, 0, 1));
    IllegalArgumentException tooFew =
        assertThrows(
            IllegalArgumentException.class, () -> BestK.search(new double[][] {{0}, {1}}, 0));
    assertEquals("kMin = 2 but the 2 points (2 distinct) allow at most k = 1", tooFew.getMessage());
  }
}
