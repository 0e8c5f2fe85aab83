package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignedRankTestTest {
  @Test
  void pairsWithoutADifferenceAreLeftOut() {
    // 5 differing pairs, all positive, distinct |d|, plus 3 ties: Wilcoxon's exact two-sided p over
    // the 5 is 2 of the 2^5 sign patterns (all + or all −) = 2/32; ranking the ties too would count
    // 8 pairs
    double[] x = {0.50, 0.52, 0.61, 0.40, 0.47, 0.33, 0.33, 0.70};
    double[] y = {0.49, 0.50, 0.58, 0.36, 0.42, 0.33, 0.33, 0.70};
    assertEquals(2.0 / 32, SignedRankTest.twoSidedP(x, y, 20), 1e-12);
  }

  @Test
  void evenlySplitRanksGiveAtMostOne() {
    // differences +1, +2, −3: W+ = 3 = W−, the smaller tail P(W ≤ 3) over the 8 sign patterns is
    // 5/8, so doubling it would give 1.25; a p-value is at most 1
    double[] x = {1, 2, 0};
    double[] y = {0, 0, 3};
    assertEquals(1.0, SignedRankTest.twoSidedP(x, y, 20));
  }

  @Test
  void noDifferenceIsNoEvidence() {
    double[] x = {0.4, 0.5, 0.6};
    assertEquals(1.0, SignedRankTest.twoSidedP(x, x.clone(), 20));
  }

  @Test
  void samplesOfDifferentLengthsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SignedRankTest.twoSidedP(new double[2], new double[3], 20));
    assertEquals("paired samples differ in length: 2 and 3", e.getMessage());
  }
}
