package org.beantf.models.train;

import java.util.Arrays;

/**
 * Counts predictions per class and the confusion matrix: the one accuracy counter of the trainer,
 * the few-shot trainer, the SavedModel evaluation and the pixel classifiers.
 */
public final class ClassAccuracy {
  private final int[] right;
  private final int[] total;
  private final int[][] confusion;

  /** A counter for labels 0..classes−1. */
  public ClassAccuracy(int classes) {
    this.right = new int[classes];
    this.total = new int[classes];
    this.confusion = new int[classes][classes];
  }

  /** Counts one prediction of an example labelled {@code label}. */
  public void add(long predicted, int label) {
    total[label]++;
    if (predicted == label) {
      right[label]++;
    }
    confusion[label][(int) predicted]++;
  }

  /**
   * The confusion matrix [classes][classes]: entry [t][p] counts the examples of class t predicted
   * as p (rows true, columns predicted, as scikit-learn's {@code confusion_matrix}).
   */
  public int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int t = 0; t < confusion.length; t++) {
      copy[t] = confusion[t].clone();
    }
    return copy;
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
