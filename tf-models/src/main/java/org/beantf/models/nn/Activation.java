package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The non-linearity after a layer. */
public enum Activation {
  RELU,
  LINEAR;

  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return this == RELU ? tf.nn.relu(x) : x;
  }
}
