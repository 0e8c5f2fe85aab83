package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
  void morePairsThanTheExactBoundUseTheContinuityCorrectedNormalApproximation() {
    // 25 positive differences 1..25: W+ = 325 against a mean of 25·26/4 = 162.5 and a variance of
    // 25·26·51/24 = 1381.25; z = (162.5 − 0.5)/√1381.25, p = erfc(z/√2) (Python's math.erfc)
    double[] x = new double[25];
    double[] y = new double[25];
    for (int i = 0; i < 25; i++) {
      x[i] = i + 1;
    }
    assertEquals(1.3070605478013073e-05, SignedRankTest.twoSidedP(x, y, 20), 1e-15);
  }

  @Test
  void tiedDifferencesUseMidranksAndTheTieCorrectedVariance() {
    // differences +1 seven times and −1 once: every |d| ties, midrank 4.5, W+ = 31.5 against a
    // mean of 18; variance 8·9·17/24 − (8³ − 8)/48 = 40.5; z = (13.5 − 0.5)/√40.5,
    // p = erfc(z/√2) (Python's math.erfc). The exact path would assume distinct ranks.
    double[] x = {1, 1, 1, 1, 1, 1, 1, 0};
    double[] y = {0, 0, 0, 0, 0, 0, 0, 1};
    assertEquals(0.0410769029064881, SignedRankTest.twoSidedP(x, y, 20), 1e-12);
  }

  @Test
  void differencesEqualInPointsTieDespiteTheirBinaryRounding() {
    // accuracies in points, as the few-shot tables take them: every difference is ±4.57 points,
    // though in doubles 100·0.5234 − 100·0.4777 = 4.569999999999993 and 100·0.4567 − 100·0.4110 =
    // 4.570000000000007; tied, this is the data of
    // tiedDifferencesUseMidranksAndTheTieCorrectedVariance
    double[][] pairs = {
      {0.5234, 0.4777}, {0.4567, 0.4110}, {0.6000, 0.5543}, {0.3457, 0.3000},
      {0.7057, 0.6600}, {0.2457, 0.2000}, {0.8457, 0.8000}, {0.4000, 0.4457}
    };
    double[] x = new double[pairs.length];
    double[] y = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      x[i] = 100 * pairs[i][0];
      y[i] = 100 * pairs[i][1];
    }
    assertNotEquals(x[0] - y[0], x[1] - y[1]);
    assertEquals(0.0410769029064881, SignedRankTest.twoSidedP(x, y, 20), 1e-12);
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
