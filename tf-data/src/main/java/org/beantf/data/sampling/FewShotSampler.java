package org.beantf.data.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded few-shot draws: {@code k} training examples per class, and validation images to go with
 * them.
 *
 * <p>Every draw is a uniform random subset taken without replacement, and each class draws from its
 * own generator, {@code Seeds.random(seed, "shots", c)} for the shots and {@code Seeds.random(seed,
 * "validation", c)} for the validation set. Hence:
 *
 * <ul>
 *   <li>the shots depend only on {@code (labels, shotsPerClass, from, to, seed)}, never on the
 *       validation request, so every method compared in an experiment trains on the same shots;
 *   <li>a class's shots are the first {@code k} of a seeded order of that class's pool, so with the
 *       same seed the shots for {@code k} are contained in those for any larger {@code k}.
 * </ul>
 */
public final class FewShotSampler {
  private FewShotSampler() {}

  /**
   * Shot and validation indices into a training base, each sorted ascending and disjoint from the
   * other.
   *
   * <p>As with any record holding arrays, {@code equals} compares the arrays by identity.
   */
  public record FewShot(int[] shots, int[] validation) {}

  /**
   * Draws {@code shotsPerClass} shots per class from training images {@code [from, to)}, and {@code
   * validationPerClass} validation images per class from the rest of the training base.
   *
   * <p>The validation images come from all of {@code [0, labels.length)} except the shots, not just
   * from {@code [from, to)}: the range limits where shots may come from (e.g. a fixed prefix of the
   * data), while validation may use any image not trained on.
   *
   * @param labels the label of every image in the training base, each in {@code [0, classes)}
   * @param classes the number of classes
   * @param shotsPerClass {@code k}, at least 1
   * @param from first index of the range the shots come from
   * @param to end (exclusive) of that range, with {@code 0 <= from <= to <= labels.length}
   * @param validationPerClass validation images per class, at least 0
   * @throws NotEnoughExamplesException if a class has fewer than {@code shotsPerClass} images in
   *     {@code [from, to)}, or fewer than {@code validationPerClass} images outside its shots
   * @throws IllegalArgumentException if an argument or a label is out of its range
   */
  public static FewShot sample(
      int[] labels,
      int classes,
      int shotsPerClass,
      int from,
      int to,
      int validationPerClass,
      long seed) {
    checkArguments(labels, classes, shotsPerClass, from, to, validationPerClass);
    boolean[] isShot = new boolean[labels.length];
    int[][] rangePools = poolsByClass(labels, classes, from, to, isShot);
    for (int c = 0; c < classes; c++) {
      if (rangePools[c].length < shotsPerClass) {
        throw new NotEnoughExamplesException(
            "shots",
            shotsPerClass,
            "class "
                + c
                + " has only "
                + rangePools[c].length
                + " examples in training images ["
                + from
                + ", "
                + to
                + ") (expected at least "
                + shotsPerClass
                + ")");
      }
    }
    int[] shots = pickPerClass(rangePools, shotsPerClass, seed, "shots");
    for (int index : shots) {
      isShot[index] = true;
    }
    int[][] restPools = poolsByClass(labels, classes, 0, labels.length, isShot);
    for (int c = 0; c < classes; c++) {
      if (restPools[c].length < validationPerClass) {
        throw new NotEnoughExamplesException(
            "validation",
            validationPerClass + " per class",
            "class "
                + c
                + " has only "
                + restPools[c].length
                + " examples in training images [0, "
                + labels.length
                + ") besides its "
                + shotsPerClass
                + " shots (expected at least "
                + validationPerClass
                + ")");
      }
    }
    return new FewShot(shots, pickPerClass(restPools, validationPerClass, seed, "validation"));
  }

  /**
   * {@code size} distinct indices drawn uniformly from {@code [0, n)}, sorted ascending: a
   * validation set of fixed total size that, unlike the one from {@link #sample}, may overlap the
   * shots (as in "10,000 random training images"). They are the first {@code size} of {@code
   * Permutations.shuffled(n, Seeds.derive(seed, "random-sample"))}.
   *
   * @throws IllegalArgumentException if {@code size} is not in {@code [0, n]}
   */
  public static int[] randomSample(int n, int size, long seed) {
    if (size < 0 || size > n) {
      throw new IllegalArgumentException("sample size " + size + " is not in [0, " + n + "]");
    }
    int[] sample =
        Arrays.copyOf(Permutations.shuffled(n, Seeds.derive(seed, "random-sample")), size);
    Arrays.sort(sample);
    return sample;
  }

  private static void checkArguments(
      int[] labels, int classes, int shotsPerClass, int from, int to, int validationPerClass) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    if (shotsPerClass < 1) {
      throw new IllegalArgumentException("shots per class must be >= 1, got " + shotsPerClass);
    }
    if (validationPerClass < 0) {
      throw new IllegalArgumentException(
          "validation per class must be >= 0, got " + validationPerClass);
    }
    if (from < 0 || from > to || to > labels.length) {
      throw new IllegalArgumentException(
          "range ["
              + from
              + ", "
              + to
              + ") is not within the "
              + labels.length
              + " training images [0, "
              + labels.length
              + ")");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "labels[" + i + "] = " + labels[i] + " is not a class in [0, " + classes + ")");
      }
    }
  }

  /** For each class, its indices in {@code [from, to)} that are not excluded, ascending. */
  private static int[][] poolsByClass(
      int[] labels, int classes, int from, int to, boolean[] excluded) {
    int[] sizes = new int[classes];
    for (int i = from; i < to; i++) {
      if (!excluded[i]) {
        sizes[labels[i]]++;
      }
    }
    int[][] pools = new int[classes][];
    for (int c = 0; c < classes; c++) {
      pools[c] = new int[sizes[c]];
    }
    int[] filled = new int[classes];
    for (int i = from; i < to; i++) {
      if (!excluded[i]) {
        pools[labels[i]][filled[labels[i]]++] = i;
      }
    }
    return pools;
  }

  /**
   * The first {@code perClass} of each class's pool after a shuffle seeded by (seed, purpose,
   * class), ascending.
   */
  private static int[] pickPerClass(int[][] pools, int perClass, long seed, String purpose) {
    int[] picked = new int[pools.length * perClass];
    for (int c = 0; c < pools.length; c++) {
      SplittableRandom random = Seeds.random(seed, purpose, c);
      int[] pool = pools[c].clone();
      Permutations.shuffleInPlace(pool, random);
      System.arraycopy(pool, 0, picked, c * perClass, perClass);
    }
    Arrays.sort(picked);
    return picked;
  }
}
