package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The initial value of a variable, drawn by stateless random ops from a seed derived from the run's
 * seed and the variable's name: the same seed gives the same weights, whatever else the graph
 * holds.
 */
@FunctionalInterface
public interface Initializer {

  /** The initial value for a variable of {@code shape}; {@code seed} is a [2] int64 constant. */
  Operand<TFloat32> create(Ops tf, Shape shape, Operand<TInt64> seed);

  /**
   * Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fan_in + fan_out)); Keras's default for dense
   * layers.
   */
  static Initializer glorotUniform(long fanIn, long fanOut) {
    return uniform(Math.sqrt(6.0 / (fanIn + fanOut)));
  }

  /** U(−limit, limit). */
  static Initializer uniform(double limit) {
    return (tf, shape, seed) -> {
      Operand<TFloat32> unit = tf.random.statelessRandomUniform(tf.constant(shape), seed);
      return tf.math.mul(
          tf.math.sub(tf.math.mul(unit, tf.constant(2f)), tf.constant(1f)),
          tf.constant((float) limit));
    };
  }

  /**
   * He normal for ReLU layers: a normal truncated at two standard deviations, scaled so its
   * standard deviation is √(2 / fan_in) (the truncation shrinks it by 0.87962566).
   */
  static Initializer heNormal(long fanIn) {
    double stddev = Math.sqrt(2.0 / fanIn) / 0.87962566103423978;
    return (tf, shape, seed) ->
        tf.math.mul(
            tf.random.statelessTruncatedNormal(tf.constant(shape), seed),
            tf.constant((float) stddev));
  }

  /** A constant value (zeros for biases and offsets, ones for batch-norm scales and variances). */
  static Initializer constant(float value) {
    return (tf, shape, seed) -> tf.fill(tf.constant(shape), tf.constant(value));
  }
}
