package org.beantf.models;

import org.beantf.data.DatasetId;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.InputNormalization;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.VariableStore;
import org.beantf.savedmodels.SavedModelContract;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A model's forward pass in inference mode (moving batch-norm statistics, no dropout) on raw
 * images, normalised inside the graph: built the same way by the training graph (for evaluation, on
 * the training variables), the SavedModel and the analysis graph (on variables named as in the
 * run's checkpoint).
 */
public final class InferencePass {
  private InferencePass() {}

  /**
   * The {@code images} placeholder, float32 [-1, H, W, C] for images of {@code imageShape} [H, W,
   * C].
   */
  public static Placeholder<TFloat32> images(Ops tf, Shape imageShape) {
    return tf.withName(SavedModelContract.IMAGES)
        .placeholder(
            TFloat32.class,
            Placeholder.shape(
                Shape.of(-1, imageShape.get(0), imageShape.get(1), imageShape.get(2))));
  }

  /**
   * Builds the pass of {@code model} over {@code variables} in {@code tf}'s scope.
   *
   * @param images float32 [S, H, W, C], raw pixels in [0,1]
   * @param dataset the dataset the model was trained on, whose normalisation the pass applies
   * @param seed the run's seed (the pass draws nothing random; layers take it from the scope)
   * @param hook applied to every BEAN layer's activations before the next layer reads them
   */
  public static Forward build(
      Ops tf,
      Model model,
      Operand<TFloat32> images,
      DatasetId dataset,
      VariableStore variables,
      long seed,
      ActivationHook hook) {
    ModelScope scope = new ModelScope(tf, ModelScope.Mode.INFERENCE, variables, null, seed, hook);
    return model.forward(scope, InputNormalization.apply(tf, images, dataset, false, seed, null));
  }

  /**
   * The pass in a graph of its own (a SavedModel's, an analysis graph's): the {@code images}
   * placeholder, and the model's variables named as in a run's checkpoint.
   *
   * @param images float32 [-1, H, W, C], raw pixels in [0,1], fed by the caller
   */
  public record Standalone(Placeholder<TFloat32> images, Forward forward) {}

  /**
   * {@link #build} on a new {@code images} placeholder for images of {@code imageShape} and new
   * variables.
   */
  public static Standalone standalone(
      Ops tf, Model model, Shape imageShape, DatasetId dataset, long seed, ActivationHook hook) {
    Placeholder<TFloat32> images = images(tf, imageShape);
    return new Standalone(
        images, build(tf, model, images, dataset, new VariableStore(tf, seed), seed, hook));
  }
}
