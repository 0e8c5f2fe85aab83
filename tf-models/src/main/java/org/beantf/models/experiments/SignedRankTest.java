package org.beantf.models.experiments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Wilcoxon's paired signed-rank test as Wilcoxon (1945) defined it, with the large-sample and tie
 * handling of R's {@code wilcox.test}. Commons-math 3.6.1 is used for the exact distribution only,
 * because around it:
 *
 * <ul>
 *   <li>it ranks pairs without a difference, which carry no sign: on few-shot draws (accuracies on
 *       the same 10,000 test images, so exact ties happen) that turned 5 equal draws of 6 into a
 *       "significant" difference. They are dropped here before ranking;
 *   <li>its exact p doubles a tail without capping it, above 1 when the ranks split evenly;
 *   <li>its exact distribution assumes distinct |d|, and its normal approximation moves the
 *       continuity correction away from the mean and ignores ties. With tied |d| or more pairs than
 *       {@code exactUpTo}, the p here is the normal approximation with midranks, the tie correction
 *       of the variance and the continuity correction toward the mean.
 * </ul>
 */
public final class SignedRankTest {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
  private static final MathContext SIGNIFICANT = new MathContext(10);

  private SignedRankTest() {}

  /**
   * The two-sided p-value of the paired samples {@code x} and {@code y}: exact when at most {@code
   * exactUpTo} pairs differ and their |x − y| are distinct, the normal approximation otherwise.
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
    double[] d = IntStream.of(differ).mapToDouble(i -> x[i] - y[i]).toArray();
    // |d| to 10 significant digits: 100·0.5234 − 100·0.4777 and 100·0.4567 − 100·0.4110 are the
    // same 4.57 points, apart only in the last bits of their binary rounding, and must tie
    double[] magnitude =
        Arrays.stream(d)
            .map(v -> new BigDecimal(Math.abs(v)).round(SIGNIFICANT).doubleValue())
            .toArray();
    // the size of each group of equal |d|
    Collection<Long> ties =
        Arrays.stream(magnitude)
            .boxed()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
            .values();
    if (d.length <= exactUpTo && ties.size() == d.length) {
      double[] dx = IntStream.of(differ).mapToDouble(i -> x[i]).toArray();
      double[] dy = IntStream.of(differ).mapToDouble(i -> y[i]).toArray();
      return Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(dx, dy, true));
    }
    return normalApproximation(d, magnitude, ties);
  }

  /** W+ against its mean n(n+1)/4 and tie-corrected variance, continuity-corrected toward it. */
  private static double normalApproximation(double[] d, double[] magnitude, Collection<Long> ties) {
    int n = d.length;
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitude);
    double positive = IntStream.range(0, n).filter(i -> d[i] > 0).mapToDouble(i -> ranks[i]).sum();
    double mean = n * (n + 1) / 4.0;
    double tieCorrection = ties.stream().mapToDouble(t -> t * t * t - t).sum();
    double variance = n * (n + 1) * (2 * n + 1) / 24.0 - tieCorrection / 48;
    double z = Math.max(0, Math.abs(positive - mean) - 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-z));
  }
}
