package org.beantf.data.sampling;

import java.util.SplittableRandom;

/**
 * Seeded random permutations of index arrays.
 *
 * <p>The shuffle is Fisher-Yates driven by {@code new SplittableRandom(seed)}: for {@code i} from
 * {@code n - 1} down to 1, swap element {@code i} with element {@code nextInt(i + 1)}. {@link
 * SplittableRandom}'s algorithm is fixed by its specification, so a seed gives the same permutation
 * on every JDK.
 */
public final class Permutations {
  private Permutations() {}

  /**
   * A random permutation of {@code 0, 1, ..., n - 1}.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public static int[] shuffled(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    shuffleInPlace(identity, new SplittableRandom(seed));
    return identity;
  }

  /** A shuffled copy of {@code indices}; the argument is left as it was. */
  public static int[] shuffled(int[] indices, long seed) {
    int[] copy = indices.clone();
    shuffleInPlace(copy, new SplittableRandom(seed));
    return copy;
  }

  /** Fisher-Yates, as described in the class comment, drawing from {@code random}. */
  static void shuffleInPlace(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swapped = values[i];
      values[i] = values[j];
      values[j] = swapped;
    }
  }
}
