package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Float32 precision when BEAN succeeds: activations nearly equal (H = 5 + 0.01·N(0,1)), where the
 * dense and low-rank forms subtract numbers ~10⁵ times larger than the loss unless they centre each
 * sample first.
 */
class BeanPrecisionTest {

  @ParameterizedTest(name = "S={0} N={1} M={2} order={3}")
  @CsvSource({"100, 500, 10, 1", "100, 500, 10, 2", "50, 120, 84, 1", "50, 120, 84, 2"})
  void float32SquaredFormsKeepTheLossOfNearlyEqualActivations(int s, int n, int m, int order) {
    Random random = new Random(7919L * n + m + order);
    // The float32 graph only sees the rounded inputs, so the reference takes the same rounded
    // values: what is left
    // is the graph's own arithmetic.
    double[][] h = roundedToFloat(BeanLossFormsTest.random(random, s, n, 0.01, 5.0));
    double[][] w = roundedToFloat(BeanLossFormsTest.random(random, n, m, 0.3, 0.0));
    double[][] a = ReferenceBean.correlation(w, 1.0, order, true);
    double reference = ReferenceBean.loss(a, h, true);
    // DESIGN.md's tolerance: with mean(H²) ≈ 25 it exceeds the loss itself, so it cannot tell a
    // precise form from
    // one that cancelled catastrophically; the relative 1e-3 bound can.
    double designTolerance = BeanLossFormsTest.tolerance(reference, a, h);
    double strictTolerance = 1e-3 * Math.abs(reference);

    List<Executable> checks = new ArrayList<>();
    for (LossForm form : LossForm.values()) {
      BeanRegularizer regularizer = BeanRegularizer.of(order, 1.0).withForm(form).withBatchSize(s);
      double loss = GraphRunner.run32(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]))[0][0];
      double error = Math.abs(loss - reference);
      String message =
          form
              + " (builds "
              + regularizer.formFor(n, m)
              + "): float32 "
              + loss
              + ", reference "
              + reference
              + ", |Δ| "
              + error;
      checks.add(
          () ->
              assertTrue(
                  error <= designTolerance, message + " > DESIGN.md tolerance " + designTolerance));
      checks.add(
          () ->
              assertTrue(
                  error <= strictTolerance, message + " > 1e-3·|L_ref| = " + strictTolerance));
    }
    assertAll(checks);
  }

  private static double[][] roundedToFloat(double[][] x) {
    double[][] y = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        y[i][j] = (float) x[i][j];
      }
    }
    return y;
  }
}
