package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassMeansTest {

  /**
   * Class 0: samples (1, 2), (3, 6), (5, 1) → (3, 3); class 1: (0, 4), (2, 0) → (1, 2); over two
   * batches.
   */
  @Test
  void averagesEachClassOverAllBatches() {
    ClassMeans means = new ClassMeans(2, 2);
    means.add(new float[][] {{1, 2}, {0, 4}}, new int[] {0, 1});
    means.add(new float[][] {{3, 6}, {2, 0}, {5, 1}}, new int[] {0, 1, 0});

    double[][] result = means.means();
    assertArrayEquals(new double[] {3, 3}, result[0], 1e-12);
    assertArrayEquals(new double[] {1, 2}, result[1], 1e-12);
  }

  @Test
  void failsWhenAClassNeverAppeared() {
    ClassMeans means = new ClassMeans(3, 2);
    means.add(new float[][] {{1, 2}, {0, 4}}, new int[] {0, 1});

    IllegalStateException e = assertThrows(IllegalStateException.class, means::means);
    assertEquals("class 2 has no sample; expected every class 0..2 at least once", e.getMessage());
  }

  /** A rejected batch leaves the accumulator as it was. */
  @Test
  void rejectsBadBatchesWithoutCountingThem() {
    ClassMeans means = new ClassMeans(2, 2);
    means.add(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 1});

    IllegalArgumentException label =
        assertThrows(
            IllegalArgumentException.class,
            () -> means.add(new float[][] {{9, 9}, {9, 9}}, new int[] {0, 2}));
    assertEquals("labels[1] = 2; expected 0..1", label.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> means.add(new float[][] {{9, 9, 9}}, new int[] {0}));
    assertThrows(
        IllegalArgumentException.class, () -> means.add(new float[][] {{9, 9}}, new int[] {0, 1}));

    assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, means.means());
  }

  @Test
  void meansFeedSelectivity() {
    ClassMeans means = new ClassMeans(2, 1);
    means.add(new float[][] {{3}, {1}, {5}}, new int[] {0, 1, 0});

    // class 0: 4, class 1: 1 → (4 − 1)/(4 + 1)
    assertArrayEquals(new double[] {0.6}, Selectivity.of(means.means()).selectivity(), 1e-12);
  }
}
