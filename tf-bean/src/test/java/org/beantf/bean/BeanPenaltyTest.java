package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regularizer end to end: α·Σ_l L_l over several layers, and the broadcast form's row blocks.
 */
class BeanPenaltyTest {
  private static final double ALPHA = 3.5;

  @ParameterizedTest(name = "order={0} {1} {2} {3}")
  @CsvSource({
    "1, SQUARED, PAPER, AUTO",
    "2, SQUARED, NONE, AUTO",
    "2, SQUARED, PAPER, DENSE",
    "2, ABSOLUTE, PAPER, AUTO"
  })
  void penaltyIsAlphaTimesTheSumOverLayers(
      int order, Divergence divergence, Normalization normalization, LossForm form) {
    Random random = new Random(order);
    // Two stacked layers: 12 → 6 → 4 neurons, with gamma ≠ 1 so each layer's W goes through the
    // connectivity.
    double[][] h1 = BeanLossFormsTest.random(random, 8, 12, 1.0, 0.5);
    double[][] w1 = BeanLossFormsTest.random(random, 12, 6, 0.4, 0.0);
    double[][] h2 = BeanLossFormsTest.random(random, 8, 6, 1.0, 0.5);
    double[][] w2 = BeanLossFormsTest.random(random, 6, 4, 0.4, 0.0);
    BeanRegularizer regularizer =
        new BeanRegularizer(order, divergence, 1.7, ALPHA, form, normalization, 8);
    boolean squared = divergence == Divergence.SQUARED;
    boolean paper = normalization == Normalization.PAPER;
    double expected =
        ALPHA
            * (ReferenceBean.loss(ReferenceBean.correlation(w1, 1.7, order, paper), h1, squared)
                + ReferenceBean.loss(
                    ReferenceBean.correlation(w2, 1.7, order, paper), h2, squared));

    double penalty =
        GraphRunner.runStatic64(
            (tf, in) ->
                regularizer.penalty(
                    tf,
                    List.of(
                        new BeanLayer<>("fc_1", in[0], in[1]),
                        new BeanLayer<>("fc_2", in[2], in[3]))),
            h1,
            w1,
            h2,
            w2)[0][0];

    assertEquals(expected, penalty, 1e-12 * Math.abs(expected));
  }

  /**
   * N = 2048 in float64 makes one sample's N×N block 32 MiB, so the configured batch of 3 is split
   * into several blocks. The fed batch may be larger (the last block takes the rest) or smaller
   * (the later blocks are empty). A lost or doubled block changes L by about 1/S, far beyond the
   * float64 summation error over S·N² terms.
   */
  @ParameterizedTest(name = "fed S={0} {1} order={2}")
  @CsvSource({
    "3, SQUARED, 1",
    "5, SQUARED, 1",
    "1, SQUARED, 1",
    "3, ABSOLUTE, 2",
    "5, ABSOLUTE, 2",
    "1, ABSOLUTE, 2",
    "2, SQUARED, 2"
  })
  void broadcastOverSeveralBlocksMatchesTheReference(
      int fedBatch, Divergence divergence, int order) {
    int n = 2048;
    int configuredBatch = 3;
    long chunkRows = Math.max(1, BeanRegularizer.BROADCAST_BLOCK_BYTES / (8L * n * n));
    assertTrue(chunkRows < configuredBatch, "the configured batch must span several blocks");
    Random random = new Random(fedBatch * 10L + order);
    double[][] h = BeanLossFormsTest.random(random, fedBatch, n, 1.0, 0.5);
    double[][] w = BeanLossFormsTest.random(random, n, 3, 0.4, 0.0);
    BeanRegularizer regularizer =
        BeanRegularizer.of(order, 1)
            .withDivergence(divergence)
            .withForm(LossForm.BROADCAST)
            .withBatchSize(configuredBatch);
    double expected =
        ReferenceBean.loss(
            ReferenceBean.correlation(w, 1.0, order, true), h, divergence == Divergence.SQUARED);

    double loss = GraphRunner.scalar64(h, w, (tf, in) -> regularizer.loss(tf, in[0], in[1]));

    assertEquals(expected, loss, 1e-10 * Math.abs(expected));
  }
}
