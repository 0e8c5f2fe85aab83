package org.beantf.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.sampling.StratifiedSplit;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  /** 50 of class 0, 30 of class 1, 11 of class 2, interleaved. */
  private static int[] labels() {
    int[] labels = new int[91];
    for (int i = 0; i < 91; i++) {
      labels[i] = i < 33 ? i % 3 : i < 51 ? (i % 2) : 0;
    }
    return labels;
  }

  @Test
  void eachClassGivesRoundedFractionOfItsExamplesAndBothPartsKeepTheOrder() {
    int[] labels = labels();
    StratifiedSplit split = StratifiedSplit.of(labels, ABC, 0.2, 7);
    int[] counts = new int[3];
    Arrays.stream(labels).forEach(l -> counts[l]++);
    int[] testCounts = new int[3];
    Arrays.stream(split.test()).forEach(i -> testCounts[labels[i]]++);
    for (int c = 0; c < 3; c++) {
      assertEquals(Math.round(counts[c] * 0.2), testCounts[c], "class " + c);
    }
    int[] all =
        IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, labels.length).toArray(), all, "a partition");
    assertTrue(isAscending(split.train()) && isAscending(split.test()));
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    int[] labels = labels();
    assertArrayEquals(
        StratifiedSplit.of(labels, ABC, 0.3, 1).test(),
        StratifiedSplit.of(labels, ABC, 0.3, 1).test());
    assertTrue(
        !Arrays.equals(
            StratifiedSplit.of(labels, ABC, 0.3, 1).test(),
            StratifiedSplit.of(labels, ABC, 0.3, 2).test()));
  }

  @Test
  void aClassTheSplitWouldLeaveWithoutTestExamplesIsNamed() {
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> StratifiedSplit.of(labels, ABC, 0.2, 1));
    assertEquals("test-split", e.parameter());
    assertTrue(e.getMessage().contains("class 'b' has 2 examples"), e.getMessage());
    assertTrue(e.getMessage().contains("without test examples"), e.getMessage());
  }

  private static boolean isAscending(int[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] <= values[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
