package org.beantf.models.nn;

import java.util.List;
import org.beantf.data.Preprocessing;
import org.beantf.data.sampling.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Per-dataset preprocessing inside the graph, so that every consumer (training, SavedModel, TF
 * Serving) feeds the data as the files hold it: MNIST, Fashion-MNIST and image folders as they are
 * (the authors' choice), CIFAR-10 scaled to [−1,1], tables standardised with the training split's
 * mean and standard deviation (constants of the graph, so the SavedModel keeps them); with optional
 * random horizontal flips of images in training passes.
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
      Preprocessing preprocessing,
      boolean flip,
      long seed,
      Operand<TInt64> step) {
    Operand<TFloat32> scaled = images;
    if (preprocessing instanceof Preprocessing.Symmetric) {
      scaled = tf.math.sub(tf.math.mul(images, tf.constant(2f)), tf.constant(1f));
    } else if (preprocessing instanceof Preprocessing.Standardize standardize) {
      scaled =
          tf.math.div(
              tf.math.sub(images, tf.constant(standardize.mean())),
              tf.constant(standardize.scale()));
    }
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
