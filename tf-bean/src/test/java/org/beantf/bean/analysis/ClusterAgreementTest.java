package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterAgreementTest {

  private static final int[] A = {0, 0, 0, 1, 1, 1};
  private static final int[] B = {0, 0, 1, 1, 2, 2};

  /**
   * Contingency of A and B: rows (2, 1, 0) and (0, 1, 2). Σ C(n_ij, 2) = 1 + 1 = 2; rows Σ C(3, 2)
   * = 6; columns Σ C(2, 2) = 3; C(6, 2) = 15. E = 6·3/15 = 1.2, maximum = (6 + 3)/2 = 4.5, ARI = (2
   * − 1.2)/(4.5 − 1.2) = 8/33.
   */
  @Test
  void adjustedRandIndexMatchesTheHandComputedTable() {
    assertEquals(8.0 / 33, ClusterAgreement.adjustedRandIndex(A, B), 1e-12);
  }

  /**
   * H(A) = ln 2, H(B) = ln 3. I = 2 · (2/6) ln(6·2 / (3·2)) + 2 · (1/6) ln(6·1 / (3·2)) = (2/3) ln
   * 2. NMI = 2 I / (H(A) + H(B)) = (4/3) ln 2 / ln 6.
   */
  @Test
  void normalizedMutualInformationMatchesTheHandComputedTable() {
    assertEquals(
        4.0 / 3 * Math.log(2) / Math.log(6),
        ClusterAgreement.normalizedMutualInformation(A, B),
        1e-12);
  }

  /**
   * Against counting every pair of points (ARI) and entropies of the joint labelling (NMI), on
   * random labels.
   */
  @Test
  void matchesPairCountingAndJointEntropyOnRandomLabellings() {
    Random random = new Random(12);
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + random.nextInt(60);
      int[] a = new int[n];
      int[] b = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextInt(4);
        b[i] = random.nextBoolean() ? a[i] * 10 : random.nextInt(3);
      }
      assertEquals(
          pairCountingAri(a, b), ClusterAgreement.adjustedRandIndex(a, b), 1e-12, "trial " + trial);
      double ha = entropy(a);
      double hb = entropy(b);
      double expected = ha + hb == 0 ? 1 : 2 * (ha + hb - jointEntropy(a, b)) / (ha + hb);
      assertEquals(
          expected, ClusterAgreement.normalizedMutualInformation(a, b), 1e-12, "trial " + trial);
    }
  }

  /**
   * ARI from the four pair counts (same/different cluster in a × in b), in the form 2 (n00 n11 −
   * n01 n10) / ((n00 + n01)(n01 + n11) + (n00 + n10)(n10 + n11)).
   */
  private static double pairCountingAri(int[] a, int[] b) {
    double n11 = 0;
    double n10 = 0;
    double n01 = 0;
    double n00 = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        boolean sameA = a[i] == a[j];
        boolean sameB = b[i] == b[j];
        if (sameA && sameB) {
          n11++;
        } else if (sameA) {
          n10++;
        } else if (sameB) {
          n01++;
        } else {
          n00++;
        }
      }
    }
    double denominator = (n00 + n01) * (n01 + n11) + (n00 + n10) * (n10 + n11);
    return denominator == 0 ? 1 : 2 * (n00 * n11 - n01 * n10) / denominator;
  }

  private static double entropy(int[] labels) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int label : labels) {
      counts.merge(label, 1, Integer::sum);
    }
    return entropyOfCounts(counts, labels.length);
  }

  private static double jointEntropy(int[] a, int[] b) {
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      counts.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
    }
    return entropyOfCounts(counts, a.length);
  }

  private static double entropyOfCounts(Map<?, Integer> counts, int n) {
    return counts.values().stream()
        .mapToDouble(c -> -c / (double) n * Math.log(c / (double) n))
        .sum();
  }

  @Test
  void equalPartitionsUnderRenamedLabelsScoreOne() {
    int[] renamed = {7, 7, -1, -1, 3, 3};

    assertEquals(1, ClusterAgreement.adjustedRandIndex(B, renamed), 1e-12);
    assertEquals(1, ClusterAgreement.normalizedMutualInformation(B, renamed), 1e-12);
  }

  @Test
  void degeneratePartitions() {
    int[] one = {4, 4, 4};
    int[] alone = {0, 1, 2};

    assertEquals(1, ClusterAgreement.adjustedRandIndex(one, one), 0.0);
    assertEquals(1, ClusterAgreement.normalizedMutualInformation(one, one), 0.0);
    assertEquals(1, ClusterAgreement.adjustedRandIndex(alone, alone), 0.0);
    assertEquals(0, ClusterAgreement.adjustedRandIndex(one, alone), 0.0);
    assertEquals(0, ClusterAgreement.normalizedMutualInformation(one, alone), 0.0);
  }

  @Test
  void rejectsLabellingsOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClusterAgreement.adjustedRandIndex(A, new int[] {0, 1}));
    assertEquals("labelling b has 2 entries; expected 6, one per point", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ClusterAgreement.normalizedMutualInformation(new int[0], new int[0]));
  }
}
