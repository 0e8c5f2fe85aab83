package org.beantf.models.nn;

import java.util.List;
import org.beantf.data.DatasetId;
import org.beantf.data.sampling.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Per-dataset preprocessing inside the graph, so that every consumer (training, SavedModel, TF
 * Serving) feeds raw pixels in [0,1]: MNIST and Fashion-MNIST as they are (the authors' choice),
 * CIFAR-10 scaled to [−1,1], with optional random horizontal flips in training passes.
 */
public final class InputNormalization {
  private InputNormalization() {}

  /**
   * @param flip flip each training image left-right with probability ½, keyed by (seed, step) like
   *     dropout
   * @param step the training step, used only when flipping
   */
  public static Operand<TFloat32> apply(
      Ops tf,
      Operand<TFloat32> images,
      DatasetId dataset,
      boolean flip,
      long seed,
      Operand<TInt64> step) {
    if (dataset != DatasetId.CIFAR10) {
      return images;
    }
    Operand<TFloat32> scaled = tf.math.sub(tf.math.mul(images, tf.constant(2f)), tf.constant(1f));
    if (!flip) {
      return scaled;
    }
    Operand<TInt64> key =
        tf.concat(
            List.of(
                tf.constant(new long[] {Seeds.derive(seed, "flip")}),
                tf.reshape(step, tf.constant(new int[] {1}))),
            tf.constant(0));
    Operand<TFloat32> coins =
        tf.random.statelessRandomUniform(
            tf.reshape(
                tf.stridedSlice(tf.shape(images), Indices.at(0)), tf.constant(new int[] {1})),
            key);
    Operand<TBool> flipped =
        tf.reshape(tf.math.less(coins, tf.constant(0.5f)), tf.constant(new int[] {-1, 1, 1, 1}));
    return tf.select(flipped, tf.reverse(scaled, tf.constant(new int[] {2})), scaled);
  }
}
