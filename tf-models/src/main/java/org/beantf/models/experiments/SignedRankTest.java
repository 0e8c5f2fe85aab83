package org.beantf.models.experiments;

import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon's paired signed-rank test as Wilcoxon (1945) defined it: pairs without a difference
 * carry no sign and are dropped before ranking. Commons-math ranks them with the rest, which on
 * few-shot draws (accuracies on the same 10,000 test images, so exact ties happen) turns 5 equal
 * draws of 6 into a "significant" difference.
 */
public final class SignedRankTest {
  private SignedRankTest() {}

  /**
   * The two-sided p-value of the paired samples {@code x} and {@code y}: exact (by commons-math's
   * enumeration) when at most {@code exactUpTo} pairs differ, the normal approximation above that.
   *
   * @param x the first sample, one value per pair
   * @param y the second sample, same length and order as {@code x}
   * @param exactUpTo the largest number of differing pairs tested exactly (commons-math allows 30)
   * @return the p-value in (0, 1]; 1 when no pair differs (no evidence either way)
   * @throws IllegalArgumentException if the samples differ in length
   */
  public static double twoSidedP(double[] x, double[] y, int exactUpTo) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: " + x.length + " and " + y.length);
    }
    int[] differ = IntStream.range(0, x.length).filter(i -> x[i] != y[i]).toArray();
    if (differ.length == 0) {
      return 1;
    }
    double[] dx = IntStream.of(differ).mapToDouble(i -> x[i]).toArray();
    double[] dy = IntStream.of(differ).mapToDouble(i -> y[i]).toArray();
    // commons-math doubles the smaller tail without capping it: above 1 when the ranks split evenly
    return Math.min(
        1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(dx, dy, dx.length <= exactUpTo));
  }
}
