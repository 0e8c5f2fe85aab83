package org.beantf.models;

import org.beantf.bean.BeanLayer;
import org.beantf.bean.Correlations;
import org.beantf.bean.Normalization;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A BEAN layer's outgoing weights W [N, M] and its correlation matrices A¹ and A² [N, N] (Eq. 3-7)
 * as ops, with a run's γ and normalisation: what the run directory's {@code layers/} and the
 * SavedModel's {@code bean} signature give, built by one method.
 */
public record LayerMatrices(
    String name,
    Operand<TFloat32> weights,
    Operand<TFloat32> correlation1,
    Operand<TFloat32> correlation2) {

  /** The matrices of {@code layer}, built in {@code tf}'s scope. */
  public static LayerMatrices of(
      Ops tf, BeanLayer<TFloat32> layer, double gamma, Normalization normalization) {
    Correlations<TFloat32> a = Correlations.of(tf, layer.outgoingWeights(), gamma, normalization);
    return new LayerMatrices(layer.name(), layer.outgoingWeights(), a.first(), a.second());
  }
}
