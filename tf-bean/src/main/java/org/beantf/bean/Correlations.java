package org.beantf.bean;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Both correlation matrices of one layer, for export and inspection: A¹ (Eq. 5) built once, and A²
 * = A¹ ⊙ A¹ (Eq. 7) from it.
 */
public record Correlations<T extends TFloating>(Operand<T> first, Operand<T> second) {

  /** A¹ and A² of outgoing weights {@code w} [N, M], with f(W) = |tanh(γW)| (Eq. 3). */
  public static <T extends TFloating> Correlations<T> of(
      Ops tf, Operand<T> w, double gamma, Normalization normalization) {
    Operand<T> a1 =
        BeanEquations.firstOrderCorrelation(
            tf, BeanEquations.connectivity(tf, w, gamma), normalization);
    return new Correlations<>(a1, tf.math.mul(a1, a1));
  }
}
