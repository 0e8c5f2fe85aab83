package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph's gradients dL/dH and dL/dW (TensorFlow's gradient registry, float64) against central
 * finite differences of the plain-Java reference loss, entry by entry.
 */
class BeanGradientTest {
  private static final double GAMMA = 1.5;
  private static final double STEP = 1e-6;

  /**
   * Central differences err by ≈ STEP²/6·|L'''| (≈ 1e-13 here) plus rounding ≈ 1e-16·|L|/STEP (≈
   * 1e-9 for the |L| ≤ 10 of these shapes); the absolute divergence is piecewise linear in H, exact
   * away from ties. A wrong gradient (a lost factor, a missing path through A or through the
   * centring) errs by O(|g|).
   */
  private static final double TOLERANCE = 1e-6;

  static Stream<Arguments> cases() {
    int[][] shapes = {{4, 5, 3}, {3, 1, 2}, {2, 4, 1}};
    List<Arguments> cases = new ArrayList<>();
    for (int[] shape : shapes) {
      for (int order = 1; order <= 2; order++) {
        for (Normalization normalization : Normalization.values()) {
          for (LossForm form : List.of(LossForm.BROADCAST, LossForm.DENSE, LossForm.LOWRANK)) {
            cases.add(
                Arguments.of(
                    shape[0], shape[1], shape[2], order, Divergence.SQUARED, normalization, form));
          }
          cases.add(
              Arguments.of(
                  shape[0],
                  shape[1],
                  shape[2],
                  order,
                  Divergence.ABSOLUTE,
                  normalization,
                  LossForm.BROADCAST));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "S={0} N={1} M={2} order={3} {4} {5} {6}")
  @MethodSource("cases")
  void gradientsMatchFiniteDifferencesOfTheReference(
      int s,
      int n,
      int m,
      int order,
      Divergence divergence,
      Normalization normalization,
      LossForm form) {
    Random random = new Random(1000L * s + 100L * n + 10L * m + order);
    // Gaussian activations: no ReLU zeros and no ties, where |x − y| has no derivative.
    double[][] h = BeanLossFormsTest.random(random, s, n, 1.0, 0.5);
    double[][] w = BeanLossFormsTest.random(random, n, m, 0.5, 0.0);
    assertTrue(minimumGap(h) > 1e3 * STEP, "ties in H within the finite-difference step");
    assertTrue(minimumMagnitude(w) > 1e3 * STEP, "a weight within the step of |tanh|'s kink at 0");
    BeanRegularizer regularizer =
        BeanRegularizer.of(order, 1.0)
            .withDivergence(divergence)
            .withGamma(GAMMA)
            .withForm(form)
            .withNormalization(normalization)
            .withBatchSize(s);
    boolean squared = divergence == Divergence.SQUARED;
    boolean paper = normalization == Normalization.PAPER;
    double[][] a = ReferenceBean.correlation(w, GAMMA, order, paper);

    double[][][] gradients =
        GraphRunner.gradients64(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]));

    assertMatches(
        finiteDifferences(h, x -> ReferenceBean.loss(a, x, squared)), gradients[0], "dL/dH");
    assertMatches(
        finiteDifferences(
            w,
            x -> ReferenceBean.loss(ReferenceBean.correlation(x, GAMMA, order, paper), h, squared)),
        gradients[1],
        "dL/dW");
  }

  /** Central differences of {@code loss} in every entry of {@code x}. */
  private static double[][] finiteDifferences(double[][] x, ToDoubleFunction<double[][]> loss) {
    double[][] gradient = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        double[][] plus = copy(x);
        double[][] minus = copy(x);
        plus[i][j] += STEP;
        minus[i][j] -= STEP;
        gradient[i][j] = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * STEP);
      }
    }
    return gradient;
  }

  private static void assertMatches(double[][] expected, double[][] actual, String what) {
    assertTrue(
        expected.length == actual.length && expected[0].length == actual[0].length,
        what + " shape");
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[0].length; j++) {
        double e = expected[i][j];
        double g = actual[i][j];
        assertTrue(
            Math.abs(g - e) <= TOLERANCE * Math.max(1, Math.abs(e)),
            what + "[" + i + "][" + j + "]: graph " + g + ", finite differences " + e);
      }
    }
  }

  private static double[][] copy(double[][] x) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i].clone();
    }
    return y;
  }

  /** The smallest |H_si − H_sj| over i ≠ j in a sample (infinite for one neuron). */
  private static double minimumGap(double[][] h) {
    double gap = Double.POSITIVE_INFINITY;
    for (double[] row : h) {
      for (int i = 0; i < row.length; i++) {
        for (int j = i + 1; j < row.length; j++) {
          gap = Math.min(gap, Math.abs(row[i] - row[j]));
        }
      }
    }
    return gap;
  }

  private static double minimumMagnitude(double[][] x) {
    double min = Double.POSITIVE_INFINITY;
    for (double[] row : x) {
      for (double v : row) {
        min = Math.min(min, Math.abs(v));
      }
    }
    return min;
  }
}
