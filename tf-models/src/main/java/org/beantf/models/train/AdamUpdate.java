package org.beantf.models.train;

import java.util.ArrayList;
import java.util.List;
import org.beantf.models.nn.OpNames;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba) over an explicit list of variables, built so that a step is deterministic:
 * one ApplyAdam per variable, and the β-power updates only after every ApplyAdam has read them
 * (control dependencies). The framework's optimiser races them and collects every variable in the
 * graph, batch-norm statistics included.
 */
final class AdamUpdate {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private AdamUpdate() {}

  /**
   * The variables the update creates (slots and β powers) with their initial-value ops, and the
   * update itself.
   */
  record Built(List<Op> initializers, List<Op> updates) {}

  /**
   * Minimises {@code loss} over {@code variables}; returns the ops whose completion ends a step.
   */
  static Built minimize(
      Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, double learningRate) {
    Ops adam = tf.withSubScope("adam");
    Gradients gradients = tf.gradients(loss, variables);
    List<Op> initializers = new ArrayList<>();
    Variable<TFloat32> beta1Power = scalar(adam, "beta1_power", BETA1, initializers);
    Variable<TFloat32> beta2Power = scalar(adam, "beta2_power", BETA2, initializers);
    Operand<TFloat32> lr = tf.constant((float) learningRate);
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> variable = variables.get(i);
      String name = variable.op().name();
      Variable<TFloat32> m = slot(adam, name + "/m", variable.shape(), initializers);
      Variable<TFloat32> v = slot(adam, name + "/v", variable.shape(), initializers);
      Operand<TFloat32> gradient = gradients.<TFloat32>dy(i);
      applies.add(
          tf.train.applyAdam(
              variable,
              m,
              v,
              beta1Power,
              beta2Power,
              lr,
              tf.constant(BETA1),
              tf.constant(BETA2),
              tf.constant(EPSILON),
              gradient));
    }
    Ops afterApplies = tf.withControlDependencies(applies);
    List<Op> updates =
        List.of(
            afterApplies.assign(
                beta1Power, tf.math.mul(tf.identity(beta1Power), tf.constant(BETA1))),
            afterApplies.assign(
                beta2Power, tf.math.mul(tf.identity(beta2Power), tf.constant(BETA2))));
    return new Built(initializers, updates);
  }

  private static Variable<TFloat32> slot(Ops tf, String name, Shape shape, List<Op> initializers) {
    Variable<TFloat32> slot = OpNames.named(tf, name).variable(shape, TFloat32.class);
    initializers.add(tf.assign(slot, tf.fill(tf.constant(shape), tf.constant(0f))));
    return slot;
  }

  private static Variable<TFloat32> scalar(
      Ops tf, String name, float value, List<Op> initializers) {
    Variable<TFloat32> variable = tf.withName(name).variable(Shape.scalar(), TFloat32.class);
    initializers.add(tf.assign(variable, tf.constant(value)));
    return variable;
  }
}
