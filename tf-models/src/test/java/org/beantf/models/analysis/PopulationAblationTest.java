package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Population ablation on a fake network where each neuron votes for one class. */
class PopulationAblationTest {

  @Test
  void silencingAGroupCostsItsOwnClassAndAnEmptyGroupIsARowOfZeros() {
    // neurons 0,1 vote for class 0, neuron 2 for class 1; nobody prefers class 2 but neuron 3 votes
    // for it
    int[] votesFor = {0, 0, 1, 2};
    int[] preferred = {0, 0, 1, 1};
    float[][] h = {
      {1, 1, 0, 0.5f}, // class 0: right; with group 0 silenced, neuron 3 wins (class 2)
      {0, 0, 1, 0}, // class 1: right; with group 1 silenced, every vote is 0 → class 0
      {0, 0, 0, 1}, // class 2: right, untouched by group 0; group 1 silences neuron 3 too → class 0
      {0.2f, 0.2f, 2, 0}
    }; // class 1: right; loses with group 1 silenced (0.4 for class 0)
    int[] labels = {0, 1, 2, 1};
    FakeLayers network = new FakeLayers(new float[4][2], h, votesFor, 3, true);

    PopulationAblation ablation =
        PopulationAblation.measure(network, "hidden", h, labels, preferred, 3);

    assertArrayEquals(new double[] {-1, 0, 0}, ablation.change()[0], 1e-12);
    assertArrayEquals(new double[] {0, -1, -1}, ablation.change()[1], 1e-12);
    assertArrayEquals(new double[] {0, 0, 0}, ablation.change()[2], 1e-12);
    assertArrayEquals(new boolean[] {true, true, false}, ablation.groupPresent());
    // group 0: own drop 1, others 0 → 1; group 1: own drop 1, others (0 + 1) / 2 → 0.5; mean 0.75
    assertEquals(0.75, ablation.score(), 1e-12);
  }

  @Test
  void perClassAccuracyIsTheFractionRightOfEachClass() {
    assertArrayEquals(
        new double[] {0.5, 1, 0},
        PopulationAblation.perClassAccuracy(new int[] {0, 1, 1, 0}, new int[] {0, 0, 1, 2}, 3),
        1e-12);
  }
}
