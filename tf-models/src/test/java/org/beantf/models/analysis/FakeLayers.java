package org.beantf.models.analysis;

import org.beantf.data.ImageSet;

/**
 * A layer source without TensorFlow: W, A and activations given, and a "network" that predicts the
 * class whose neurons (by {@code classOfNeuron}) sum the highest activation after silencing.
 */
final class FakeLayers implements LayerSource {
  private final float[][] w;
  private final float[][] h;
  private final int[] classOfNeuron;
  private final int classes;
  private final boolean canSilence;

  FakeLayers(float[][] w, float[][] h, int[] classOfNeuron, int classes, boolean canSilence) {
    this.w = w;
    this.h = h;
    this.classOfNeuron = classOfNeuron;
    this.classes = classes;
    this.canSilence = canSilence;
  }

  @Override
  public float[][] weights(String layer) {
    return w;
  }

  @Override
  public float[][] correlation(String layer, int order) {
    float[][] a = new float[w.length][w.length];
    for (int i = 0; i < w.length; i++) {
      a[i][i] = order;
    }
    return a;
  }

  @Override
  public float[][] activations(String layer, ImageSet images) {
    return h;
  }

  @Override
  public boolean canSilence() {
    return canSilence;
  }

  @Override
  public int[] predictSilenced(String layer, float[][] rows, boolean[] silenced) {
    int[] predicted = new int[rows.length];
    for (int s = 0; s < rows.length; s++) {
      double[] votes = new double[classes];
      for (int i = 0; i < rows[s].length; i++) {
        votes[classOfNeuron[i]] += silenced[i] ? 0 : rows[s][i];
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = votes[c] > votes[best] ? c : best;
      }
      predicted[s] = best;
    }
    return predicted;
  }

  @Override
  public void close() {}
}
