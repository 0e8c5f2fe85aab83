package org.beantf.models.train;

import java.util.Arrays;

/**
 * Counts right predictions per class: the one accuracy counter of the trainer, the few-shot
 * trainer, the SavedModel evaluation and the pixel classifiers.
 */
public final class ClassAccuracy {
  private final int[] right;
  private final int[] total;

  /** A counter for labels 0..classes−1. */
  public ClassAccuracy(int classes) {
    this.right = new int[classes];
    this.total = new int[classes];
  }

  /** Counts one prediction of an example labelled {@code label}. */
  public void add(long predicted, int label) {
    total[label]++;
    if (predicted == label) {
      right[label]++;
    }
  }

  /** The fraction predicted right over every class (NaN before any prediction). */
  public double overall() {
    int all = size();
    return all == 0 ? Double.NaN : (double) allRight() / all;
  }

  /** Each class's fraction predicted right (NaN for a class without examples). */
  public double[] perClass() {
    double[] accuracy = new double[right.length];
    for (int c = 0; c < right.length; c++) {
      accuracy[c] = total[c] == 0 ? Double.NaN : (double) right[c] / total[c];
    }
    return accuracy;
  }

  /** The examples of each class predicted right. */
  public int[] right() {
    return right.clone();
  }

  /** The examples of each class. */
  public int[] total() {
    return total.clone();
  }

  /** The examples predicted right. */
  public int allRight() {
    return Arrays.stream(right).sum();
  }

  /** The examples counted. */
  public int size() {
    return Arrays.stream(total).sum();
  }
}
