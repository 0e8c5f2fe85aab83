package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The correlations A¹ and A² (Eq. 3-7), their low-rank factor, and properties of the loss under
 * {@code paper}.
 */
class BeanCorrelationTest {

  @ParameterizedTest(name = "order={0} {1} gamma={2}")
  @CsvSource({
    "1, PAPER, 1.0",
    "2, PAPER, 1.0",
    "1, NONE, 1.0",
    "2, NONE, 1.0",
    "1, PAPER, 2.5",
    "2, PAPER, 2.5",
    "1, NONE, 2.5",
    "2, NONE, 2.5"
  })
  void correlationMatchesTheReference(int order, Normalization normalization, double gamma) {
    double[][] w = BeanLossFormsTest.random(new Random(order * 31L + (long) gamma), 6, 4, 0.7, 0.0);
    double[][] expected =
        ReferenceBean.correlation(w, gamma, order, normalization == Normalization.PAPER);

    double[][] a =
        GraphRunner.runStatic64(
            (tf, in) ->
                order == 1
                    ? BeanEquations.firstOrderCorrelation(
                        tf, BeanEquations.connectivity(tf, in[0], gamma), normalization)
                    : BeanEquations.secondOrderCorrelation(
                        tf, BeanEquations.connectivity(tf, in[0], gamma), normalization),
            w);

    assertElementwise(expected, a, 1e-12);
  }

  /**
   * Under {@code paper}, in float32 (the training type). Two rows of weights saturate tanh to
   * exactly ±1, so their entries reach the upper bound 1; the graphs take W as their activations
   * input too (unused).
   *
   * <p>A is symmetric bit for bit: the float32 MatMul alone is not (it sums F_ik·F_jk for (i, j)
   * and (j, i) in different orders, 2 ulp apart on this data), so firstOrderCorrelation symmetrises
   * by construction.
   */
  @ParameterizedTest(name = "order={0}")
  @ValueSource(ints = {1, 2})
  void paperCorrelationIsSymmetricWithEntriesInUnitIntervalAndSecondOrderBelowFirst(int order) {
    double[][] w = BeanLossFormsTest.random(new Random(order), 40, 7, 3.0, 0.0);
    Arrays.fill(w[0], 20);
    Arrays.fill(w[1], -20);
    double[][] a1 =
        GraphRunner.run32(
            w,
            w,
            (tf, in) ->
                BeanEquations.firstOrderCorrelation(
                    tf, BeanEquations.connectivity(tf, in[1], 1.0), Normalization.PAPER));
    double[][] a =
        order == 1
            ? a1
            : GraphRunner.run32(
                w,
                w,
                (tf, in) ->
                    BeanEquations.secondOrderCorrelation(
                        tf, BeanEquations.connectivity(tf, in[1], 1.0), Normalization.PAPER));

    assertEquals(w.length, a.length);
    assertEquals(1, a[0][1], "saturated rows");
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        String at = "A[" + i + "][" + j + "] = " + a[i][j];
        assertTrue(a[i][j] >= 0 && a[i][j] <= 1, at + " outside [0, 1]");
        assertEquals(a[j][i], a[i][j], 0.0, at + " but A[j][i] = " + a[j][i]);
        assertTrue(a[i][j] <= a1[i][j], at + " above A¹ = " + a1[i][j]);
      }
    }
  }

  static Stream<Arguments> formsAndDivergences() {
    List<Arguments> cases = new ArrayList<>();
    for (int order = 1; order <= 2; order++) {
      for (LossForm form : List.of(LossForm.BROADCAST, LossForm.DENSE, LossForm.LOWRANK)) {
        cases.add(Arguments.of(order, Divergence.SQUARED, form));
      }
      cases.add(Arguments.of(order, Divergence.ABSOLUTE, LossForm.BROADCAST));
    }
    return cases.stream();
  }

  /**
   * Every neuron equal within each sample (H_si = c_s): no divergence at all, in float64 and
   * float32.
   */
  @ParameterizedTest(name = "order={0} {1} {2}")
  @MethodSource("formsAndDivergences")
  void lossVanishesWhenActivationsAreEqualWithinEachSample(
      int order, Divergence divergence, LossForm form) {
    Random random = new Random(order);
    double[][] h = new double[6][9];
    for (double[] row : h) {
      Arrays.fill(row, 5 + 3 * random.nextGaussian());
    }
    double[][] w = BeanLossFormsTest.random(random, 9, 4, 1.0, 0.0);
    BeanRegularizer regularizer =
        BeanRegularizer.of(order, 1.0)
            .withDivergence(divergence)
            .withForm(form)
            .withBatchSize(h.length);

    assertEquals(
        0, GraphRunner.scalar64(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1])), 1e-12);
    assertEquals(
        0, GraphRunner.run32(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]))[0][0], 1e-12);
  }

  /** K Kᵀ = (F Fᵀ) ⊙ (F Fᵀ) with K of M(M+1)/2 columns: what makes the low-rank A² exact. */
  @ParameterizedTest(name = "M={0}")
  @ValueSource(ints = {1, 2, 5})
  void secondOrderFactorSquaresTheFirstOrderGram(int m) {
    double[][] w = BeanLossFormsTest.random(new Random(m), 7, m, 0.8, 0.0);
    double[][] expected = ReferenceBean.correlation(w, 1.0, 2, false);
    int pairs = m * (m + 1) / 2;

    double[][] k =
        GraphRunner.runStatic64(
            (tf, in) -> {
              var factor =
                  BeanEquations.correlationFactor(
                      tf, BeanEquations.connectivity(tf, in[0], 1.0), 2);
              assertEquals(pairs, factor.shape().get(1), "static column count");
              return factor;
            },
            w);

    assertEquals(pairs, k[0].length);
    double[][] kkT = new double[w.length][w.length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        for (int c = 0; c < pairs; c++) {
          kkT[i][j] += k[i][c] * k[j][c];
        }
      }
    }
    assertElementwise(expected, kkT, 1e-12);
  }

  @ParameterizedTest(name = "M={0}")
  @ValueSource(ints = {1, 3})
  void firstOrderFactorIsTheConnectivity(int m) {
    double[][] w = BeanLossFormsTest.random(new Random(m), 5, m, 0.8, 0.0);
    double[][] g =
        GraphRunner.runStatic64(
            (tf, in) ->
                BeanEquations.correlationFactor(tf, BeanEquations.connectivity(tf, in[0], 1.0), 1),
            w);
    assertElementwise(ReferenceBean.connectivity(w, 1.0), g, 1e-15);
  }

  /** |actual − expected| ≤ tolerance·max(1, |expected|) in every entry. */
  private static void assertElementwise(double[][] expected, double[][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "rows");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, "columns");
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(
            expected[i][j],
            actual[i][j],
            tolerance * Math.max(1, Math.abs(expected[i][j])),
            "[" + i + "][" + j + "]");
      }
    }
  }
}
