package org.beantf.models.analysis;

import org.beantf.data.ImageSet;

/**
 * A trained model's BEAN layers as the analysis reads them: outgoing weights, correlation matrices,
 * activations, and, where the source has the graph for it, predictions with a population of neurons
 * silenced.
 */
public interface LayerSource extends AutoCloseable {

  /** W [N, M] of {@code layer}: one row per neuron. */
  float[][] weights(String layer);

  /** A¹ (order 1) or A² (order 2) [N, N] of {@code layer}, with the model's γ and normalisation. */
  float[][] correlation(String layer, int order);

  /** H [S, N] of {@code layer} for every image of {@code images}. */
  float[][] activations(String layer, ImageSet images);

  /** Whether {@link #predictSilenced} works (a run's checkpoint: yes; a SavedModel: no). */
  boolean canSilence();

  /**
   * The predicted class of each input whose activations at {@code layer} are the rows of {@code h},
   * with the neurons where {@code silenced} is true set to 0.
   *
   * @throws UnsupportedOperationException if {@link #canSilence} is false
   */
  int[] predictSilenced(String layer, float[][] h, boolean[] silenced);

  @Override
  void close();
}
