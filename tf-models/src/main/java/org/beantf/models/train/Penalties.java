package org.beantf.models.train;

import org.beantf.models.Forward;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.regularizers.PenaltyContext;
import org.beantf.models.regularizers.Regularizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The regularization terms added to the cross-entropy: each active regularizer's penalty, summed in
 * order.
 */
final class Penalties {
  private Penalties() {}

  /** The sum of the run's penalties (a zero constant without any). */
  static Operand<TFloat32> total(
      Ops tf, TrainConfig config, Forward pass, VariableStore variables) {
    PenaltyContext context =
        new PenaltyContext(pass, variables, config.batch(), config.gamma(), config.normalization());
    Operand<TFloat32> sum = tf.constant(0f);
    for (Regularizer regularizer : config.active()) {
      Operand<TFloat32> penalty = regularizer.penalty(tf, context);
      if (penalty != null) {
        sum = tf.math.add(sum, penalty);
      }
    }
    return sum;
  }
}
