package org.beantf.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermutationsTest {
  @Test
  void shuffledRangeIsAPermutation() {
    int[] permutation = Permutations.shuffled(1000, 3);
    int[] sorted = permutation.clone();
    Arrays.sort(sorted);
    assertArrayEquals(IntStream.range(0, 1000).toArray(), sorted);
  }

  @Test
  void sameSeedSameOrderDifferentSeedDifferentOrder() {
    assertArrayEquals(Permutations.shuffled(100, 5), Permutations.shuffled(100, 5));
    assertFalse(Arrays.equals(Permutations.shuffled(100, 5), Permutations.shuffled(100, 6)));
  }

  @Test
  void orderIsPinned() {
    // Guards against an accidental change of the documented algorithm; SplittableRandom itself is
    // specified.
    assertArrayEquals(new int[] {3, 4, 7, 0, 8, 5, 9, 2, 6, 1}, Permutations.shuffled(10, 42));
    assertArrayEquals(
        Permutations.shuffled(10, 42), Permutations.shuffled(IntStream.range(0, 10).toArray(), 42));
  }

  @Test
  void shuffleIsNotCloseToTheIdentity() {
    int[] permutation = Permutations.shuffled(1000, 11);
    long fixedPoints = IntStream.range(0, 1000).filter(i -> permutation[i] == i).count();
    // A uniform permutation has on average one fixed point; 20 or more is essentially impossible.
    assertTrue(fixedPoints < 20, "fixed points: " + fixedPoints);
  }

  @Test
  void everyPositionIsReachable() {
    int[] counts = new int[5];
    for (long seed = 0; seed < 5000; seed++) {
      counts[Permutations.shuffled(5, seed)[0]]++;
    }
    for (int count : counts) {
      assertTrue(count > 850 && count < 1150, Arrays.toString(counts));
    }
  }

  @Test
  void shuffledCopyKeepsTheElementsAndLeavesTheArgumentAlone() {
    int[] indices = {40, 10, 30, 20, 50, 60};
    int[] copy = indices.clone();
    int[] shuffled = Permutations.shuffled(indices, 9);
    assertArrayEquals(copy, indices);
    int[] sorted = shuffled.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60}, sorted);
  }

  @Test
  void emptyAndSingleton() {
    assertEquals(0, Permutations.shuffled(0, 1).length);
    assertArrayEquals(new int[] {0}, Permutations.shuffled(1, 1));
  }

  @Test
  void negativeLengthIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Permutations.shuffled(-1, 1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }
}
