package org.beantf.models.train;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.models.Forward;
import org.beantf.models.nn.VariableStore;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The regularization terms added to the cross-entropy: α·Σ L_BEAN over the selected BEAN layers, weight decay
 * (λ/2)·Σ‖W‖² over every kernel (convolutions included, biases and batch norm not), and λ·Σ|w| over the dense
 * layers' kernels and biases (as the authors' ℓ1 baseline).
 */
final class Penalties {
  private Penalties() {}

  /** The sum of the run's penalties (a zero constant without any). */
  static Operand<TFloat32> total(Ops tf, TrainConfig config, Forward pass, VariableStore variables) {
    Operand<TFloat32> sum = tf.constant(0f);
    if (config.beanOrder() > 0) {
      sum = tf.math.add(sum, config.bean().penalty(tf.withSubScope("bean"), selected(config, pass)));
    }
    if (config.regs().contains(Regularization.L2)) {
      Operand<TFloat32> squares = tf.constant(0f);
      for (VariableStore.Entry entry : variables.entries()) {
        if (entry.kind().kernel()) {
          squares = tf.math.add(squares, tf.reduceSum(tf.math.square(tf.identity(entry.variable())), all(tf, entry)));
        }
      }
      sum = tf.math.add(sum, tf.math.mul(squares, tf.constant((float) (config.l2() / 2))));
    }
    if (config.regs().contains(Regularization.L1)) {
      Operand<TFloat32> magnitudes = tf.constant(0f);
      for (VariableStore.Entry entry : variables.entries()) {
        if (entry.kind().denseWeight()) {
          magnitudes = tf.math.add(magnitudes, tf.reduceSum(tf.math.abs(tf.identity(entry.variable())),
              all(tf, entry)));
        }
      }
      sum = tf.math.add(sum, tf.math.mul(magnitudes, tf.constant((float) config.l1())));
    }
    return sum;
  }

  /** The BEAN layers the run regularizes: all of the model's, or those named by --bean-layers. */
  static List<BeanLayer<TFloat32>> selected(TrainConfig config, Forward pass) {
    if (config.beanLayers().isEmpty()) {
      return pass.beanLayers();
    }
    return pass.beanLayers().stream().filter(l -> config.beanLayers().contains(l.name())).toList();
  }

  private static Operand<org.tensorflow.types.TInt32> all(Ops tf, VariableStore.Entry entry) {
    int rank = entry.variable().shape().numDimensions();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
