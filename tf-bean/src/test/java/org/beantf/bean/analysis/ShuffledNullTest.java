package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class ShuffledNullTest {

  @Test
  void shufflePermutesAllEntriesAcrossRowsAndColumns() {
    double[][] points = new double[6][3];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 3; j++) {
        points[i][j] = 3 * i + j;
      }
    }
    double[][] shuffled = ShuffledNull.shuffleEntries(points, new Well19937c(4));

    double[] flat = Arrays.stream(shuffled).flatMapToDouble(Arrays::stream).toArray();
    assertFalse(Arrays.deepEquals(points, shuffled), "not shuffled");
    Arrays.sort(flat);
    for (int v = 0; v < 18; v++) {
      assertEquals(v, flat[v], 0.0, "every entry exactly once");
    }
    assertEquals(6, shuffled.length);
    assertEquals(3, shuffled[0].length);
    assertEquals(0, points[0][0], 0.0, "input untouched");
  }

  @Test
  void blobsScoreFarAboveTheirShuffledNull() {
    Blobs blobs = Blobs.of(3, 20, 4, 6, 0.5, 5);
    double real = Silhouette.mean(blobs.points(), KMeans.cluster(blobs.points(), 3, 1).labels());
    ShuffledNull shuffled = ShuffledNull.of(blobs.points(), 3, 1, 12, 3);

    assertEquals(12, shuffled.silhouettes().length);
    assertTrue(shuffled.mean() < real - 0.3, "null " + shuffled.mean() + " vs real " + real);
    assertTrue(shuffled.z(real) > 5, "z = " + shuffled.z(real));
  }

  @Test
  void meanAndSampleStandardDeviationMatchCommonsMath() {
    ShuffledNull shuffled = ShuffledNull.of(KMeansTest.randomPoints(30, 3, 2), 4, 8, 9, 2);
    DescriptiveStatistics statistics = new DescriptiveStatistics(shuffled.silhouettes());

    assertEquals(statistics.getMean(), shuffled.mean(), 1e-15);
    assertEquals(statistics.getStandardDeviation(), shuffled.standardDeviation(), 1e-15);
    assertTrue(shuffled.standardDeviation() > 0);
    assertEquals(
        (0.5 - statistics.getMean()) / statistics.getStandardDeviation(), shuffled.z(0.5), 1e-12);
  }

  @Test
  void sameSeedGivesTheSameSilhouettesAndAnotherSeedDoesNot() {
    double[][] points = KMeansTest.randomPoints(30, 3, 2);

    assertArrayEquals(
        ShuffledNull.of(points, 3, 21, 4, 2).silhouettes(),
        ShuffledNull.of(points, 3, 21, 4, 2).silhouettes(),
        0.0);
    assertFalse(
        Arrays.equals(
            ShuffledNull.of(points, 3, 21, 4, 2).silhouettes(),
            ShuffledNull.of(points, 3, 22, 4, 2).silhouettes()));
  }

  /** No spread, no z: equal silhouettes (whose naive mean is an ulp off) and a single shuffle. */
  @Test
  void zIsNaNWithoutSpread() {
    ShuffledNull equal = ShuffledNull.summarise(new double[] {0.1, 0.1, 0.1});
    assertEquals(0, equal.standardDeviation(), 0.0);
    assertEquals(0.1, equal.mean(), 0.0);
    assertTrue(Double.isNaN(equal.z(0.9)));

    ShuffledNull single = ShuffledNull.of(KMeansTest.randomPoints(10, 2, 3), 2, 1, 1, 1);
    assertEquals(0, single.standardDeviation(), 0.0);
    assertTrue(Double.isNaN(single.z(0.9)));
  }

  @Test
  void rejectsNoShuffles() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ShuffledNull.of(KMeansTest.randomPoints(10, 2, 3), 2, 1, 0, 1));
  }
}
