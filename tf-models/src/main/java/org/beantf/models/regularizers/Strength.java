package org.beantf.models.regularizers;

import org.beantf.data.InvalidSettingException;
import org.beantf.models.nn.VariableStore;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * What the weight penalties share: the check of their strength and the axes of a whole variable.
 */
final class Strength {
  private Strength() {}

  /** {@code value} for {@code parameter}, a finite number ≥ 0. */
  static double check(String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidSettingException(parameter, value, "expected a finite number >= 0");
    }
    return value;
  }

  /** Every axis of {@code entry}'s variable, to sum it whole. */
  static Operand<TInt32> allAxes(Ops tf, VariableStore.Entry entry) {
    int rank = entry.variable().shape().numDimensions();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
