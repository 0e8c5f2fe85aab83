package org.beantf.models.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;

/** What a plan keeps, against masks and neurons worked out by hand. */
class PruningPlanTest {
  /** Two BEAN layers in a chain: a (3 neurons) feeds b's 2 neurons, b feeds 2 classes. */
  private static final List<LayerWiring> CHAIN =
      List.of(
          new LayerWiring("a", 3, 2, "b/kernel", false, "b"),
          new LayerWiring("b", 2, 2, "out/kernel", true, null));

  private static PruneSettings threshold(double tau) {
    return PruneSettings.of(tau, null, 0, 1);
  }

  private static PruneSettings sparsity(double s) {
    return PruneSettings.of(null, s, 0, 1);
  }

  @Test
  void aNeuronWhoseConnectionsAllLeadToRemovedNeuronsIsRemovedToo() {
    // |tanh(w)| >= 0.1 keeps: b keeps neuron 0 only (0.05 and 0.02 fall below), so a's neuron 1,
    // whose one strong connection goes to b's removed neuron 1, goes as well
    float[][] wa = {{0.2f, 0f}, {0f, 0.3f}, {0.05f, 0.9f}};
    float[][] wb = {{0.5f, 0.01f}, {0.05f, -0.02f}};
    PruningPlan plan = PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, threshold(0.1));

    assertArrayEquals(new int[] {0}, plan.layer("b").keptNeurons());
    assertArrayEquals(new float[][] {{1, 0}, {0, 0}}, plan.layer("b").mask());
    assertEquals(1, plan.layer("b").keptConnections());
    assertArrayEquals(new int[] {0}, plan.layer("a").keptNeurons());
    assertArrayEquals(new float[][] {{1, 0}, {0, 0}, {0, 0}}, plan.layer("a").mask());
    assertEquals(1, plan.layer("a").keptConnections());
    assertEquals(List.of("a", "b"), plan.layers().stream().map(l -> l.wiring().layer()).toList());
    assertEquals(
        Map.of("b/kernel", plan.layer("a").mask(), "out/kernel", plan.layer("b").mask()),
        plan.masks());
  }

  @Test
  void gammaScalesTheConnectivity() {
    float[][] wa = {{0.2f, 0.2f}, {0.2f, 0.2f}, {0.2f, 0.2f}};
    float[][] wb = {{0.04f, 0f}, {0f, 0.04f}};
    // tanh(0.04) = 0.0400 < 0.1, tanh(3 · 0.04) = 0.119 >= 0.1
    assertThrows(
        InvalidSettingException.class,
        () -> PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, threshold(0.1)));
    PruningPlan plan = PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 3, threshold(0.1));
    assertArrayEquals(new int[] {0, 1}, plan.layer("b").keptNeurons());
    assertArrayEquals(new int[] {0, 1, 2}, plan.layer("a").keptNeurons());
  }

  @Test
  void sparsityRemovesThatFractionOfEachLayersSmallestMagnitudes() {
    float[][] wa = {{0.3f, -0.1f}, {0.2f, 0.4f}, {-0.5f, 0.6f}};
    float[][] wb = {{0.3f, -0.1f}, {0.2f, 0.4f}};
    PruningPlan half = PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, sparsity(0.5));
    // b: 0.1 and 0.2 go; a: round(3) of 6 go, 0.1, 0.2 and 0.3
    assertArrayEquals(new float[][] {{1, 0}, {0, 1}}, half.layer("b").mask());
    assertArrayEquals(new float[][] {{0, 0}, {0, 1}, {1, 1}}, half.layer("a").mask());
    assertArrayEquals(new int[] {1, 2}, half.layer("a").keptNeurons());

    PruningPlan most = PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, sparsity(0.75));
    assertArrayEquals(new int[] {1}, most.layer("b").keptNeurons());
    // a keeps its 2 largest (0.5, 0.6), of which only 0.6 leads to b's kept neuron 1
    assertArrayEquals(new float[][] {{0, 0}, {0, 0}, {0, 1}}, most.layer("a").mask());
  }

  @Test
  void equalMagnitudesAreRemovedInIndexOrderSoTheCountIsExact() {
    float[][] ties = {{0.1f, 0.1f}, {0.1f, 0.1f}};
    float[][] wa = {{1f, 1f}, {1f, 1f}, {1f, 1f}};
    PruningPlan plan = PruningPlan.of(CHAIN, Map.of("a", wa, "b", ties), 1, sparsity(0.5));
    assertArrayEquals(new float[][] {{0, 0}, {1, 1}}, plan.layer("b").mask());
    assertArrayEquals(new int[] {1}, plan.layer("b").keptNeurons());
  }

  @Test
  void sparsityZeroAndATinyThresholdKeepEverything() {
    float[][] wa = {{0.3f, -0.1f}, {0.2f, 0.4f}, {-0.5f, 0.6f}};
    float[][] wb = {{0.3f, -0.1f}, {0.2f, 0.4f}};
    for (PruneSettings settings : List.of(sparsity(0), threshold(1e-30))) {
      PruningPlan plan = PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, settings);
      assertEquals(6, plan.layer("a").keptConnections());
      assertEquals(4, plan.layer("b").keptConnections());
      assertArrayEquals(new int[] {0, 1, 2}, plan.layer("a").keptNeurons());
    }
  }

  @Test
  void aThresholdThatRemovesEveryNeuronOfALayerNamesItAndItsLargestConnection() {
    float[][] wa = {{0.3f, -0.1f}, {0.2f, 0.4f}, {-0.5f, 0.6f}};
    float[][] wb = {{0.3f, -0.1f}, {0.2f, 0.4f}};
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> PruningPlan.of(CHAIN, Map.of("a", wa, "b", wb), 1, threshold(0.5)));
    assertEquals("threshold", e.parameter());
    assertTrue(e.getMessage().contains("every neuron of layer b"), e.getMessage());
    assertTrue(
        e.getMessage().contains(String.format(java.util.Locale.ROOT, "%.4g", Math.tanh(0.4))),
        e.getMessage());
  }

  @Test
  void settingsOutOfRangeNameTheirParameter() {
    Object[][] cases = {
      {0.0, null, 0, "threshold"},
      {1.0, null, 0, "threshold"},
      {-0.5, null, 0, "threshold"},
      {Double.NaN, null, 0, "threshold"},
      {Double.POSITIVE_INFINITY, null, 0, "threshold"},
      {null, 1.0, 0, "sparsity"},
      {null, -0.1, 0, "sparsity"},
      {0.1, 0.5, 0, "sparsity"},
      {null, null, -1, "fine-tune-epochs"},
    };
    for (Object[] c : cases) {
      InvalidSettingException e =
          assertThrows(
              InvalidSettingException.class,
              () -> PruneSettings.of((Double) c[0], (Double) c[1], (Integer) c[2], 1));
      assertEquals(c[3], e.parameter(), java.util.Arrays.toString(c));
    }
    assertEquals(PruneSettings.DEFAULT_THRESHOLD, PruneSettings.of(null, null, 0, 1).value());
  }
}
