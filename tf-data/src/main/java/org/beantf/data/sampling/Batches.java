package org.beantf.data.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Cuts index arrays into mini-batches, optionally in a seeded per-epoch order.
 *
 * <p>Batches are consecutive slices of the (possibly shuffled) indices; all have {@code batchSize}
 * elements except perhaps the last, which holds the remainder unless {@code dropLast} drops it.
 */
public final class Batches {
  private Batches() {}

  /**
   * {@code indices} in their given order, cut into batches.
   *
   * @return an unmodifiable list of fresh arrays; empty if {@code indices} is empty
   * @throws IllegalArgumentException if {@code batchSize <= 0}
   */
  public static List<int[]> of(int[] indices, int batchSize, boolean dropLast) {
    int batches = count(indices.length, batchSize, dropLast);
    List<int[]> result = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      result.add(Arrays.copyOfRange(indices, from, Math.min(from + batchSize, indices.length)));
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * The batches of epoch {@code epoch}: {@code indices} shuffled with seed {@code
   * Seeds.derive(seed, "epoch", epoch)}, then cut as by {@link #of}.
   *
   * <p>The order of an epoch depends only on {@code (indices, seed, epoch)}, not on which epochs
   * were generated before, so a run resumed at epoch {@code e} sees exactly the batches it would
   * have seen without the interruption.
   *
   * @throws IllegalArgumentException if {@code batchSize <= 0} or {@code epoch < 0}
   */
  public static List<int[]> epoch(
      int[] indices, int batchSize, long seed, int epoch, boolean dropLast) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    checkBatchSize(batchSize);
    return of(
        Permutations.shuffled(indices, Seeds.derive(seed, "epoch", epoch)), batchSize, dropLast);
  }

  /**
   * How many batches {@code n} indices make: {@code n / batchSize} when dropping the last partial
   * batch, otherwise that rounded up.
   *
   * @throws IllegalArgumentException if {@code n < 0} or {@code batchSize <= 0}
   */
  public static int count(int n, int batchSize, boolean dropLast) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    checkBatchSize(batchSize);
    int full = n / batchSize;
    return dropLast || n % batchSize == 0 ? full : full + 1;
  }

  private static void checkBatchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }
}
