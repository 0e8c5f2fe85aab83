package org.beantf.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {
  private static final int[] INDICES = IntStream.range(100, 110).toArray();

  @Test
  void cutsInOrderKeepingThePartialLastBatch() {
    List<int[]> batches = Batches.of(INDICES, 4, false);
    assertEquals(3, batches.size());
    assertArrayEquals(new int[] {100, 101, 102, 103}, batches.get(0));
    assertArrayEquals(new int[] {104, 105, 106, 107}, batches.get(1));
    assertArrayEquals(new int[] {108, 109}, batches.get(2));
  }

  @Test
  void dropLastDropsOnlyAPartialBatch() {
    List<int[]> batches = Batches.of(INDICES, 4, true);
    assertEquals(2, batches.size());
    assertArrayEquals(new int[] {104, 105, 106, 107}, batches.get(1));
    assertEquals(2, Batches.of(INDICES, 5, true).size());
    assertEquals(0, Batches.of(INDICES, 11, true).size());
    assertEquals(1, Batches.of(INDICES, 11, false).size());
  }

  @Test
  void countAgreesWithTheBatches() {
    for (int n = 0; n <= 12; n++) {
      int[] indices = IntStream.range(0, n).toArray();
      for (int size = 1; size <= 13; size++) {
        assertEquals(Batches.of(indices, size, true).size(), Batches.count(n, size, true));
        assertEquals(Batches.of(indices, size, false).size(), Batches.count(n, size, false));
      }
    }
    assertEquals(3, Batches.count(10, 4, false));
    assertEquals(2, Batches.count(10, 4, true));
    assertEquals(0, Batches.count(0, 4, false));
  }

  @Test
  void epochCoversEveryIndexExactlyOnce() {
    int[] indices = IntStream.range(0, 1003).map(i -> 2 * i).toArray();
    for (int epoch = 0; epoch < 3; epoch++) {
      List<int[]> batches = Batches.epoch(indices, 64, 17, epoch, false);
      int[] seen = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
      assertArrayEquals(indices, seen);
      assertEquals(1003 % 64, batches.get(batches.size() - 1).length);
    }
  }

  @Test
  void epochWithDropLastHasOnlyFullDistinctBatches() {
    int[] indices = IntStream.range(0, 1003).toArray();
    List<int[]> batches = Batches.epoch(indices, 64, 17, 0, true);
    assertEquals(15, batches.size());
    assertTrue(batches.stream().allMatch(b -> b.length == 64));
    assertEquals(15 * 64, batches.stream().flatMapToInt(Arrays::stream).distinct().count());
  }

  @Test
  void epochOrderDependsOnlyOnSeedAndEpoch() {
    int[] indices = IntStream.range(0, 500).toArray();
    for (int epoch = 0; epoch < 5; epoch++) {
      Batches.epoch(indices, 32, 99, epoch, false);
    }
    List<int[]> afterEarlierEpochs = Batches.epoch(indices, 32, 99, 5, false);
    List<int[]> resumedDirectly = Batches.epoch(indices, 32, 99, 5, false);
    assertBatchesEqual(afterEarlierEpochs, resumedDirectly);
  }

  @Test
  void epochsAndSeedsGiveDifferentOrders() {
    int[] indices = IntStream.range(0, 500).toArray();
    int[] epoch0 = flatten(Batches.epoch(indices, 32, 99, 0, false));
    assertFalse(Arrays.equals(epoch0, flatten(Batches.epoch(indices, 32, 99, 1, false))));
    assertFalse(Arrays.equals(epoch0, flatten(Batches.epoch(indices, 32, 100, 0, false))));
    assertFalse(Arrays.equals(indices, epoch0));
  }

  @Test
  void epochLeavesTheIndicesAlone() {
    int[] indices = INDICES.clone();
    Batches.epoch(indices, 3, 1, 0, false);
    assertArrayEquals(INDICES, indices);
  }

  @Test
  void nonPositiveBatchSizeIsRejectedWithTheValue() {
    for (int size : new int[] {0, -3}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Batches.of(INDICES, size, false));
      assertEquals("batch size must be >= 1, got " + size, e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Batches.epoch(INDICES, size, 1, 0, false));
      assertThrows(IllegalArgumentException.class, () -> Batches.count(10, size, true));
    }
  }

  @Test
  void negativeEpochIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Batches.epoch(INDICES, 4, 1, -1, false));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void resultIsUnmodifiable() {
    assertThrows(UnsupportedOperationException.class, () -> Batches.of(INDICES, 4, false).clear());
  }

  private static int[] flatten(List<int[]> batches) {
    return batches.stream().flatMapToInt(Arrays::stream).toArray();
  }

  private static void assertBatchesEqual(List<int[]> expected, List<int[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "batch " + i);
    }
  }
}
