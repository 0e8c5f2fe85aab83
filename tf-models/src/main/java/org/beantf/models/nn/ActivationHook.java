package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a forward pass does to a BEAN layer's activations before the next layer reads them. Training
 * and export leave them as they are; the analysis graph multiplies them by a mask to silence a
 * population of neurons.
 */
@FunctionalInterface
public interface ActivationHook {
  /** Leaves the activations unchanged (no op is added to the graph). */
  ActivationHook NONE = (tf, layer, h) -> h;

  /** The activations the next layer reads, given {@code h} [S, N] of BEAN layer {@code layer}. */
  Operand<TFloat32> apply(Ops tf, String layer, Operand<TFloat32> h);
}
