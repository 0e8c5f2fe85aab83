package org.beantf.bean.analysis;

/**
 * Accumulates class-conditional mean activations μ_c = mean of h over the samples of class c, batch
 * by batch, for {@link Selectivity} (paper Section 3.1.1: "class-conditional mean activity … in the
 * test data"). Sums are kept in double precision, so the order of batches does not matter beyond
 * rounding.
 */
public final class ClassMeans {

  private final double[][] sums;
  private final long[] counts;

  /** An empty accumulator for activations of {@code neurons} neurons and labels 0..classes−1. */
  public ClassMeans(int classes, int neurons) {
    InputChecks.requirePositive(classes, "classes");
    InputChecks.requirePositive(neurons, "neurons");
    this.sums = new double[classes][neurons];
    this.counts = new long[classes];
  }

  /**
   * Adds a batch.
   *
   * @param activations [S][N]: one row of neuron activations per sample
   * @param labels [S]: the class of each sample
   * @throws IllegalArgumentException if the batch does not have N columns, the labels are not one
   *     per sample, or a label is outside 0..classes−1; the accumulator is unchanged then
   */
  public void add(float[][] activations, int[] labels) {
    if (activations == null) {
      throw new IllegalArgumentException(
          "activations is null; expected [samples][" + sums[0].length + "]");
    }
    for (int s = 0; s < activations.length; s++) {
      if (activations[s] == null || activations[s].length != sums[0].length) {
        throw new IllegalArgumentException(
            "activations["
                + s
                + "] has "
                + (activations[s] == null ? 0 : activations[s].length)
                + " neurons; expected "
                + sums[0].length);
      }
    }
    InputChecks.requireLabels(labels, activations.length, sums.length, "labels");
    for (int s = 0; s < activations.length; s++) {
      double[] sum = sums[labels[s]];
      float[] h = activations[s];
      for (int i = 0; i < h.length; i++) {
        sum[i] += h[i];
      }
      counts[labels[s]]++;
    }
  }

  /**
   * [classes][N]: the mean activation of every neuron over the samples of each class added so far.
   *
   * @throws IllegalStateException if some class has no sample yet
   */
  public double[][] means() {
    double[][] means = new double[sums.length][];
    for (int c = 0; c < sums.length; c++) {
      if (counts[c] == 0) {
        throw new IllegalStateException(
            "class "
                + c
                + " has no sample; expected every class 0.."
                + (sums.length - 1)
                + " at least once");
      }
      means[c] = new double[sums[c].length];
      for (int i = 0; i < means[c].length; i++) {
        means[c][i] = sums[c][i] / counts[c];
      }
    }
    return means;
  }
}
