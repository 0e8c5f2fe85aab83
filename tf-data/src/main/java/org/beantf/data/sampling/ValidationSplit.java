package org.beantf.data.sampling;

/**
 * Holds out a seeded random validation set when training on a full dataset.
 *
 * <p>The validation indices are a uniform random subset drawn without replacement, not stratified
 * by class: with the thousands of images held out here, every class is represented close to its
 * share anyway.
 */
public final class ValidationSplit {
  private ValidationSplit() {}

  /**
   * Training and validation indices; disjoint, together {@code 0, ..., n - 1}, each sorted
   * ascending.
   *
   * <p>Both are sets: the order in which they are visited comes from {@link Batches}. As with any
   * record holding arrays, {@code equals} compares the arrays by identity.
   */
  public record Split(int[] train, int[] validation) {}

  /**
   * Splits the indices of a dataset of {@code n} images, holding out {@code validationSize} of them
   * for validation.
   *
   * <p>The held-out images are the first {@code validationSize} of {@code Permutations.shuffled(n,
   * Seeds.derive(seed, "validation-split"))}.
   *
   * @param n the number of images in the dataset
   * @param validationSize how many to hold out; 0 gives an empty validation set
   * @throws IllegalArgumentException if {@code n < 1} or {@code validationSize} is not in {@code
   *     [0, n - 1]}, since at least one image must be left for training
   */
  public static Split of(int n, int validationSize, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("cannot split a dataset of " + n + " images");
    }
    if (validationSize < 0 || validationSize >= n) {
      throw new IllegalArgumentException(
          "validation size "
              + validationSize
              + " is not in [0, "
              + (n - 1)
              + "]: at least one of the "
              + n
              + " images must be left for training");
    }
    int[] order = Permutations.shuffled(n, Seeds.derive(seed, "validation-split"));
    boolean[] heldOut = new boolean[n];
    for (int i = 0; i < validationSize; i++) {
      heldOut[order[i]] = true;
    }
    // Collecting by a mask yields both halves in ascending order without sorting.
    int[] train = new int[n - validationSize];
    int[] validation = new int[validationSize];
    int t = 0;
    int v = 0;
    for (int i = 0; i < n; i++) {
      if (heldOut[i]) {
        validation[v++] = i;
      } else {
        train[t++] = i;
      }
    }
    return new Split(train, validation);
  }
}
