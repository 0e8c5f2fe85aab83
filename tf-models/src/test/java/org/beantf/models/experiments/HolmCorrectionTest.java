package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HolmCorrectionTest {
  @Test
  void byHand() {
    // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → kept monotone at 0.06
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02},
        HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-15);
  }

  @Test
  void neverAboveOne() {
    assertArrayEquals(
        new double[] {1, 1, 0.2},
        HolmCorrection.adjust(new double[] {0.6, 0.9, 0.0666666666666666667}),
        1e-12);
  }

  /**
   * Holm as a decision rule: reject in ascending order while p_(i) ≤ level/(m − i + 1); adjusted ≤
   * level iff so.
   */
  @Test
  void agreesWithTheStepDownRejections() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + random.nextInt(12);
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        p[i] = Math.pow(random.nextDouble(), 3);
      }
      double level = 0.05;
      double[] adjusted = HolmCorrection.adjust(p);
      boolean[] rejected = stepDown(p, level);
      for (int i = 0; i < m; i++) {
        assertEquals(rejected[i], adjusted[i] <= level, "trial " + trial + " index " + i);
      }
    }
  }

  private static boolean[] stepDown(double[] p, double level) {
    int m = p.length;
    boolean[] rejected = new boolean[m];
    for (int step = 0; step < m; step++) {
      int smallest = -1;
      for (int i = 0; i < m; i++) {
        if (!rejected[i] && (smallest < 0 || p[i] < p[smallest])) {
          smallest = i;
        }
      }
      if (p[smallest] > level / (m - step)) {
        break;
      }
      rejected[smallest] = true;
    }
    return rejected;
  }
}
