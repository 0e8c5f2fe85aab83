package org.beantf.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
  @Test
  void splitIsDisjointCompleteSizedAndSorted() {
    ValidationSplit.Split split = ValidationSplit.of(1000, 150, 4);
    assertEquals(150, split.validation().length);
    assertEquals(850, split.train().length);
    assertSorted(split.train());
    assertSorted(split.validation());
    int[] union =
        IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, 1000).toArray(), union);
  }

  @Test
  void sameSeedSameSplitDifferentSeedDifferentSplit() {
    assertArrayEquals(
        ValidationSplit.of(1000, 150, 4).validation(),
        ValidationSplit.of(1000, 150, 4).validation());
    assertFalse(
        Arrays.equals(
            ValidationSplit.of(1000, 150, 4).validation(),
            ValidationSplit.of(1000, 150, 5).validation()));
  }

  @Test
  void validationIsSpreadOverTheDataset() {
    int[] validation = ValidationSplit.of(10_000, 1000, 8).validation();
    long inFirstHalf = Arrays.stream(validation).filter(i -> i < 5000).count();
    assertTrue(inFirstHalf > 400 && inFirstHalf < 600, "in first half: " + inFirstHalf);
  }

  @Test
  void zeroValidationKeepsEverythingForTraining() {
    ValidationSplit.Split split = ValidationSplit.of(5, 0, 1);
    assertEquals(0, split.validation().length);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, split.train());
  }

  @Test
  void largestValidationLeavesOneTrainingImage() {
    ValidationSplit.Split split = ValidationSplit.of(5, 4, 1);
    assertEquals(1, split.train().length);
  }

  @Test
  void validationSizeOutOfRangeIsRejectedWithValueAndRange() {
    for (int size : new int[] {-1, 5, 6}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(5, size, 1));
      assertTrue(
          e.getMessage().startsWith("validation size " + size + " is not in [0, 4]"),
          e.getMessage());
    }
  }

  @Test
  void emptyDatasetIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(0, 0, 1));
  }

  private static void assertSorted(int[] values) {
    for (int i = 1; i < values.length; i++) {
      assertTrue(values[i - 1] < values[i], "not strictly ascending at " + i);
    }
  }
}
