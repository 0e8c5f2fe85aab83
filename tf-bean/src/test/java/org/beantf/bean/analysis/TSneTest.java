package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TSneTest {

  /**
   * 5 blobs × 40 points in 20-D: with the defaults, the 5 nearest neighbours in 2-D keep their
   * blob.
   */
  @Test
  void embeddingKeepsBlobNeighbourhoods() {
    Blobs blobs = Blobs.of(5, 40, 20, 10, 1, 6);
    double[][] y = TSne.builder().seed(3).build().embed(blobs.points());

    assertEquals(200, y.length);
    assertEquals(2, y[0].length);
    double purity = neighbourPurity(y, blobs.labels(), 5);
    assertTrue(purity >= 0.95, "5-NN label purity " + purity);
  }

  private static double neighbourPurity(double[][] y, int[] labels, int neighbours) {
    int same = 0;
    for (int i = 0; i < y.length; i++) {
      int from = i;
      int[] nearest =
          IntStream.range(0, y.length)
              .filter(j -> j != from)
              .boxed()
              .sorted(
                  Comparator.comparingDouble(
                      j -> Math.hypot(y[from][0] - y[j][0], y[from][1] - y[j][1])))
              .limit(neighbours)
              .mapToInt(Integer::intValue)
              .toArray();
      for (int j : nearest) {
        same += labels[j] == labels[i] ? 1 : 0;
      }
    }
    return same / (double) (y.length * neighbours);
  }

  /**
   * Each conditional row is a Gaussian of the distance (ln P_{j|i} linear in d²_ij, slope −β_i
   * found from the nearest and farthest neighbour) whose entropy, computed here, is ln(perplexity).
   */
  @Test
  void calibratedRowsAreGaussiansWithTheTargetEntropy() {
    double[][] points = KMeansTest.randomPoints(100, 5, 4);
    int n = points.length;
    double[] d2 = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int c = 0; c < 5; c++) {
          sum += (points[i][c] - points[j][c]) * (points[i][c] - points[j][c]);
        }
        d2[i * n + j] = sum;
      }
    }
    double[] p = PerplexityCalibration.conditionalProbabilities(d2, n, 10);

    for (int i = 0; i < n; i++) {
      int row = i * n;
      int nearest = -1;
      int farthest = -1;
      double total = 0;
      double entropy = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        total += p[row + j];
        entropy -= p[row + j] > 0 ? p[row + j] * Math.log(p[row + j]) : 0;
        nearest = nearest < 0 || d2[row + j] < d2[row + nearest] ? j : nearest;
        farthest = farthest < 0 || d2[row + j] > d2[row + farthest] ? j : farthest;
      }
      assertEquals(0, p[row + i], 0.0, "row " + i + " diagonal");
      assertEquals(1, total, 1e-12, "row " + i + " sum");
      assertEquals(Math.log(10), entropy, 2e-5, "row " + i + " entropy");
      double beta =
          Math.log(p[row + nearest] / p[row + farthest]) / (d2[row + farthest] - d2[row + nearest]);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double expected = Math.log(p[row + nearest]) - beta * (d2[row + j] - d2[row + nearest]);
          assertEquals(
              expected,
              Math.log(p[row + j]),
              1e-9 * (1 + Math.abs(expected)),
              "row " + i + " entry " + j);
        }
      }
    }
  }

  /**
   * The analytic gradient against central differences of functions written out here: at
   * exaggeration 1, of KL(P ‖ Q) = Σ_{i≠j} P_ij ln(P_ij / Q_ij); at exaggeration 0 (repulsion
   * alone), of ln Z; and the exaggeration scales the attraction only, g(e) = g(0) + e · (g(1) −
   * g(0)).
   */
  @Test
  void gradientIsTheDerivativeOfTheKullbackLeiblerDivergence() {
    int n = 7;
    Random random = new Random(5);
    double[] joint = new double[n * (n - 1) / 2];
    for (int p = 0; p < joint.length; p++) {
      joint[p] = random.nextDouble();
    }
    double total = 2 * Arrays.stream(joint).sum();
    for (int p = 0; p < joint.length; p++) {
      joint[p] /= total;
    }
    double[] y = random.doubles(2 * n).map(v -> 3 * v).toArray();

    double[] g1 = gradientAt(joint, y, 1);
    double[] g0 = gradientAt(joint, y, 0);
    double[] g12 = gradientAt(joint, y, 12);
    double h = 1e-6;
    for (int c = 0; c < y.length; c++) {
      double[] up = y.clone();
      double[] down = y.clone();
      up[c] += h;
      down[c] -= h;
      assertEquals((kl(joint, up) - kl(joint, down)) / (2 * h), g1[c], 1e-7, "∂KL/∂y[" + c + "]");
      assertEquals(
          (Math.log(z(up)) - Math.log(z(down))) / (2 * h), g0[c], 1e-7, "∂lnZ/∂y[" + c + "]");
      assertEquals(g0[c] + 12 * (g1[c] - g0[c]), g12[c], 1e-12, "exaggerated y[" + c + "]");
    }
  }

  private static double[] gradientAt(double[] joint, double[] y, double exaggeration) {
    double[] gradient = new double[y.length];
    TSne.gradient(joint, y, exaggeration, new double[2 * y.length], gradient);
    return gradient;
  }

  private static double kl(double[] joint, double[] y) {
    int n = y.length / 2;
    double z = z(y);
    double kl = 0;
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double q =
            1
                / (1 + Math.pow(y[2 * i] - y[2 * j], 2) + Math.pow(y[2 * i + 1] - y[2 * j + 1], 2))
                / z;
        kl += 2 * joint[p] * Math.log(joint[p] / q);
        p++;
      }
    }
    return kl;
  }

  /** Z = Σ_{i≠j} (1 + ‖y_i − y_j‖²)⁻¹ over ordered pairs. */
  private static double z(double[] y) {
    int n = y.length / 2;
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          z +=
              1 / (1 + Math.pow(y[2 * i] - y[2 * j], 2) + Math.pow(y[2 * i + 1] - y[2 * j + 1], 2));
        }
      }
    }
    return z;
  }

  @Test
  void perplexityIsLoweredForSmallLayers() {
    assertEquals(30, TSne.effectivePerplexity(30, 500), 0.0);
    assertEquals(3, TSne.effectivePerplexity(30, 10), 0.0);
    assertEquals(1, TSne.effectivePerplexity(30, 3), 0.0);

    double[][] y = TSne.builder().iterations(300).build().embed(KMeansTest.randomPoints(10, 3, 1));
    assertTrue(Arrays.stream(y).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
  }

  @Test
  void learningRateIsAutomaticUnlessSet() {
    assertEquals(50, TSne.builder().build().learningRate(500), 0.0);
    assertEquals(100, TSne.builder().build().learningRate(4800), 0.0);
    assertEquals(200, TSne.builder().learningRate(200).build().learningRate(500), 0.0);
  }

  @Test
  void sameSeedGivesTheSameEmbeddingAndAnotherSeedDoesNot() {
    double[][] points = KMeansTest.randomPoints(30, 4, 5);
    TSne.Builder options = TSne.builder().iterations(300).perplexity(5);

    assertArrayEquals(options.seed(1).build().embed(points), options.seed(1).build().embed(points));
    assertFalse(
        Arrays.deepEquals(
            options.seed(1).build().embed(points), options.seed(2).build().embed(points)));
  }

  /** The embedding is re-centred after every step. */
  @Test
  void embeddingIsCentred() {
    double[][] y = TSne.builder().iterations(50).build().embed(KMeansTest.randomPoints(40, 3, 2));

    assertEquals(0, Arrays.stream(y).mapToDouble(p -> p[0]).sum(), 1e-9);
    assertEquals(0, Arrays.stream(y).mapToDouble(p -> p[1]).sum(), 1e-9);
  }

  @Test
  void rejectsBadOptionsAndInput() {
    assertThrows(IllegalArgumentException.class, () -> TSne.builder().perplexity(0.5));
    assertThrows(IllegalArgumentException.class, () -> TSne.builder().perplexity(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> TSne.builder().iterations(0));
    assertThrows(IllegalArgumentException.class, () -> TSne.builder().learningRate(-1));
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class,
            () -> TSne.builder().build().embed(new double[][] {{1, 2}}));
    assertEquals("points has 1 row; expected at least 2 to embed", one.getMessage());
  }
}
