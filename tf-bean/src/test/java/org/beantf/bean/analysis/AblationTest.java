package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AblationTest {

  /**
   * Own-class drop minus mean other-class drop: group 0: 0.5 − 0.05, group 1: 0.4 − 0.1, group 2:
   * 0.9 − 0.1.
   */
  private static final double[][] DROP = {
    {0.5, 0.1, 0.0},
    {0.2, 0.4, 0.0},
    {0.1, 0.1, 0.9}
  };

  @Test
  void averagesOwnMinusOtherDropOverAllGroups() {
    assertEquals(
        (0.45 + 0.3 + 0.8) / 3,
        Ablation.ablationScore(DROP, new boolean[] {true, true, true}),
        1e-12);
  }

  @Test
  void skipsGroupsWithoutNeurons() {
    assertEquals(
        (0.45 + 0.3) / 2, Ablation.ablationScore(DROP, new boolean[] {true, true, false}), 1e-12);
  }

  /** An ablation that hurts every class alike says nothing about selectivity: score 0. */
  @Test
  void uniformDropScoresZero() {
    double[][] uniform = {{0.3, 0.3}, {0.3, 0.3}};

    assertEquals(0, Ablation.ablationScore(uniform, new boolean[] {true, true}), 1e-12);
  }

  @Test
  void rejectsNonSquareDropsMismatchedGroupsAndNoGroup() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Ablation.ablationScore(
                new double[][] {{1, 2, 3}, {4, 5, 6}}, new boolean[] {true, true}));
    assertThrows(
        IllegalArgumentException.class, () -> Ablation.ablationScore(DROP, new boolean[] {true}));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> Ablation.ablationScore(DROP, new boolean[3]));
    assertEquals(
        "groupPresent is all false; expected at least one group with a neuron", none.getMessage());
  }
}
