package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of Eq. 1 against the plain-Java reference, in float64 and float32. */
class BeanLossFormsTest {

  static double[][] random(Random random, int rows, int cols, double scale, double offset) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = offset + scale * random.nextGaussian();
      }
    }
    return x;
  }

  static double tolerance(double reference, double[][] a, double[][] h) {
    return 1e-5 * Math.max(Math.abs(reference), mean(a) * meanSquare(h));
  }

  static double mean(double[][] x) {
    double sum = 0;
    for (double[] row : x) {
      for (double v : row) {
        sum += v;
      }
    }
    return sum / (x.length * x[0].length);
  }

  static double meanSquare(double[][] x) {
    double sum = 0;
    for (double[] row : x) {
      for (double v : row) {
        sum += v * v;
      }
    }
    return sum / (x.length * x[0].length);
  }

  @ParameterizedTest(name = "S={0} N={1} M={2} order={3} {4} {5} {6}")
  @CsvSource({
    "1, 1, 1, 1, SQUARED, PAPER, BROADCAST", "1, 1, 1, 2, SQUARED, NONE, LOWRANK",
    "5, 1, 3, 2, SQUARED, PAPER, DENSE", "7, 6, 1, 1, SQUARED, PAPER, LOWRANK",
    "1, 8, 4, 2, SQUARED, PAPER, LOWRANK", "13, 9, 5, 2, SQUARED, NONE, DENSE",
    "13, 9, 5, 1, ABSOLUTE, PAPER, BROADCAST", "13, 9, 5, 2, ABSOLUTE, NONE, BROADCAST",
    "100, 500, 10, 1, SQUARED, PAPER, LOWRANK", "100, 500, 10, 2, SQUARED, PAPER, LOWRANK",
    "100, 500, 10, 2, SQUARED, PAPER, DENSE", "100, 500, 10, 1, SQUARED, NONE, BROADCAST",
    "100, 500, 10, 2, ABSOLUTE, PAPER, BROADCAST", "20, 120, 84, 2, SQUARED, PAPER, LOWRANK"
  })
  void matchesTheReference(
      int s,
      int n,
      int m,
      int order,
      Divergence divergence,
      Normalization normalization,
      LossForm form) {
    Random random = new Random(31L * s + 7L * n + m + order);
    double[][] h = random(random, s, n, 1.0, 0.5);
    double[][] w = random(random, n, m, 0.3, 0.0);
    BeanRegularizer regularizer =
        BeanRegularizer.of(order, 1.0)
            .withDivergence(divergence)
            .withForm(form)
            .withNormalization(normalization)
            .withBatchSize(s);
    double[][] a = ReferenceBean.correlation(w, 1.0, order, normalization == Normalization.PAPER);
    double reference = ReferenceBean.loss(a, h, divergence == Divergence.SQUARED);

    double loss64 = GraphRunner.scalar64(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]));
    assertEquals(reference, loss64, tolerance(reference, a, h));
    double loss32 = GraphRunner.run32(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]))[0][0];
    assertEquals(reference, loss32, tolerance(reference, a, h));
  }
}
