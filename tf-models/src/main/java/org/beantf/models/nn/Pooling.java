package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The layers without variables: max pooling, flattening, global average pooling. */
public final class Pooling {
  private Pooling() {}

  /** size×size max pooling with stride size, VALID (MaxPoolV2, which has a gradient). */
  public static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, int size) {
    Operand<org.tensorflow.types.TInt32> window = tf.constant(new int[] {1, size, size, 1});
    return tf.nn.maxPool(x, window, window, "VALID");
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
