package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilhouetteTest {

  /**
   * 1-D points 0, 1 | 5, 7 | 12 (the last alone):
   *
   * <pre>
   * x=0:  a = 1,  b = min(mean(5, 7) = 6, 12)      = 6    s = 5/6
   * x=1:  a = 1,  b = min(mean(4, 6) = 5, 11)      = 5    s = 4/5
   * x=5:  a = 2,  b = min(mean(5, 4) = 4.5, 7)     = 4.5  s = 2.5/4.5 = 5/9
   * x=7:  a = 2,  b = min(mean(7, 6) = 6.5, 5)     = 5    s = 3/5   (nearest cluster: the singleton)
   * x=12: alone in its cluster                            s = 0
   * </pre>
   */
  @Test
  void matchesTheHandComputedOneDimensionalCase() {
    double[][] points = {{0}, {1}, {5}, {7}, {12}};
    int[] labels = {0, 0, 1, 1, 2};
    double[] expected = {5.0 / 6, 4.0 / 5, 5.0 / 9, 3.0 / 5, 0};

    assertArrayEquals(expected, Silhouette.perPoint(points, labels), 1e-12);
    assertEquals(
        (5.0 / 6 + 4.0 / 5 + 5.0 / 9 + 3.0 / 5) / 5, Silhouette.mean(points, labels), 1e-12);
  }

  /** Only which points share a label matters, not the label values. */
  @Test
  void ignoresTheLabelValues() {
    double[][] points = {{0}, {1}, {5}, {7}, {12}};

    assertArrayEquals(
        Silhouette.perPoint(points, new int[] {0, 0, 1, 1, 2}),
        Silhouette.perPoint(points, new int[] {42, 42, -3, -3, 7}),
        0.0);
  }

  /**
   * A misplaced point scores negative: x = 0 alone scores 0; x = 1 with 10: a = 9, b = 1, s = (1 −
   * 9)/9 = −8/9; x = 10: a = 9, b = 10, s = 1/10.
   */
  @Test
  void misplacedPointScoresNegative() {
    assertArrayEquals(
        new double[] {0, -8.0 / 9, 0.1},
        Silhouette.perPoint(new double[][] {{0}, {1}, {10}}, new int[] {0, 1, 1}),
        1e-12);
  }

  @Test
  void singleClusterScoresZeroEverywhere() {
    assertArrayEquals(
        new double[4],
        Silhouette.perPoint(
            new double[][] {{0, 1}, {2, 3}, {4, 4}, {9, 0}}, new int[] {3, 3, 3, 3}),
        0.0);
  }

  @Test
  void allSingletonsScoreZero() {
    assertEquals(0, Silhouette.mean(new double[][] {{0}, {1}, {3}}, new int[] {0, 1, 2}), 0.0);
  }

  /**
   * Against a direct transcription of the definition with lists per cluster and Math.hypot
   * distances.
   */
  @Test
  void matchesTheDefinitionOnRandomPoints() {
    double[][] points = KMeansTest.randomPoints(40, 2, 8);
    int[] labels = new int[points.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) (points[i][0] * 3);
    }
    labels[5] = 9;

    double[] actual = Silhouette.perPoint(points, labels);
    for (int i = 0; i < points.length; i++) {
      assertEquals(reference(points, labels, i), actual[i], 1e-12, "point " + i);
    }
  }

  private static double reference(double[][] points, int[] labels, int i) {
    List<Double> own = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int j = 0; j < points.length; j++) {
      if (j != i && labels[j] == labels[i]) {
        own.add(Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]));
      } else if (labels[j] != labels[i] && !others.contains(labels[j])) {
        others.add(labels[j]);
      }
    }
    if (own.isEmpty() || others.isEmpty()) {
      return 0;
    }
    double a = own.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double b =
        others.stream()
            .mapToDouble(
                label -> {
                  double sum = 0;
                  int count = 0;
                  for (int j = 0; j < points.length; j++) {
                    if (labels[j] == label) {
                      sum += Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
                      count++;
                    }
                  }
                  return sum / count;
                })
            .min()
            .orElseThrow();
    return (b - a) / Math.max(a, b);
  }

  @Test
  void rejectsLabelsOfTheWrongLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Silhouette.mean(new double[][] {{0}, {1}}, new int[] {0}));
    assertEquals("labels has 1 entries; expected 2, one per point", e.getMessage());
  }
}
