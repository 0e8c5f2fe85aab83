package org.beantf.models.nn;

import java.util.List;
import org.beantf.data.sampling.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout, in training passes only: each unit is kept with probability 1 − rate and scaled
 * by 1 / (1 − rate). The mask is a stateless random draw keyed by (seed of run and layer, training
 * step), so a resumed run draws exactly the masks an uninterrupted one would.
 */
public final class Dropout {
  private final String name;
  private final double rate;

  public Dropout(String name, double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate " + rate + " (expected 0 ≤ p < 1)");
    }
    this.name = name;
    this.rate = rate;
  }

  public Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> x) {
    if (!scope.training() || rate == 0) {
      return x;
    }
    Ops tf = scope.tf();
    Operand<TInt64> key = tf.constant(new long[] {Seeds.derive(scope.seed(), "dropout:" + name)});
    Operand<TInt64> seed =
        tf.concat(
            List.of(key, tf.reshape(scope.step(), tf.constant(new int[] {1}))), tf.constant(0));
    Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed);
    Operand<TFloat32> keep =
        tf.dtypes.cast(tf.math.greaterEqual(uniform, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(tf.math.mul(x, keep), tf.constant((float) (1 / (1 - rate))));
  }
}
