package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TFloat32;

/** The layers without variables: max pooling, flattening, global average pooling. */
public final class Pooling {
  private Pooling() {}

  /**
   * size×size max pooling with stride size, VALID. The MaxPool op (V1, window as attributes), not
   * the MaxPoolV2 of {@code tf.nn.maxPool}: oneDNN replaces only V1 with its kernel, which is twice
   * as fast with its gradient here.
   */
  public static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, int size) {
    long[] window = {1, size, size, 1};
    Scope scope = tf.scope();
    Operation pool =
        scope
            .opBuilder("MaxPool", "MaxPool")
            .addInput(x.asOutput())
            .setAttr("ksize", window)
            .setAttr("strides", window)
            .setAttr("padding", "VALID")
            .build();
    return pool.output(0);
  }

  /** [S, H, W, C] → [S, H·W·C], row-major (H, then W, then C). */
  public static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
    long features = 1;
    for (int axis = 1; axis < x.shape().numDimensions(); axis++) {
      features *= x.shape().get(axis);
    }
    return tf.reshape(x, tf.constant(new long[] {-1, features}));
  }

  /** [S, H, W, C] → [S, C], the mean over H and W. */
  public static Operand<TFloat32> globalAverage(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(new int[] {1, 2}));
  }
}
