package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over the channels of NHWC input: trainable scale and offset; moving mean and
 * variance updated by each training step (momentum 0.9) and used for inference.
 */
public final class BatchNorm {
  private static final float MOMENTUM = 0.9f;
  private static final float EPSILON = 1e-3f;

  private final String name;

  public BatchNorm(String name) {
    this.name = name;
  }

  public Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> x) {
    Ops tf = scope.tf();
    Shape channels = Shape.of(x.shape().get(3));
    VariableStore vars = scope.variables();
    Operand<TFloat32> scale =
        vars.get(name + "/scale", channels, VariableStore.Kind.SCALE, Initializer.constant(1f));
    Operand<TFloat32> offset =
        vars.get(name + "/offset", channels, VariableStore.Kind.OFFSET, Initializer.constant(0f));
    Variable<TFloat32> movingMean =
        vars.variable(
            name + "/moving_mean",
            channels,
            VariableStore.Kind.MOVING_STATISTIC,
            Initializer.constant(0f));
    Variable<TFloat32> movingVariance =
        vars.variable(
            name + "/moving_variance",
            channels,
            VariableStore.Kind.MOVING_STATISTIC,
            Initializer.constant(1f));
    if (!scope.training()) {
      return tf.nn
          .fusedBatchNorm(
              x,
              scale,
              offset,
              tf.identity(movingMean),
              tf.identity(movingVariance),
              FusedBatchNorm.epsilon(EPSILON),
              FusedBatchNorm.isTraining(false))
          .y();
    }
    Operand<TFloat32> empty = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> normalised =
        tf.nn.fusedBatchNorm(
            x,
            scale,
            offset,
            empty,
            empty,
            FusedBatchNorm.epsilon(EPSILON),
            FusedBatchNorm.isTraining(true));
    scope.addUpdate(movingAverage(tf, movingMean, normalised.batchMean()));
    scope.addUpdate(movingAverage(tf, movingVariance, normalised.batchVariance()));
    return normalised.y();
  }

  /** moving ← moving·m + batch·(1 − m), with the batch statistic cut from the gradient. */
  private static Operand<TFloat32> movingAverage(
      Ops tf, Variable<TFloat32> moving, Operand<TFloat32> batch) {
    Operand<TFloat32> next =
        tf.math.add(
            tf.math.mul(tf.identity(moving), tf.constant(MOMENTUM)),
            tf.math.mul(tf.stopGradient(batch), tf.constant(1 - MOMENTUM)));
    return tf.assign(moving, next);
  }
}
