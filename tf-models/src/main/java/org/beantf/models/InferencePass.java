package org.beantf.models;

import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.InputNormalization;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.nn.VariableStore;
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
   * The input placeholder: {@code images}, float32 [-1, H, W, C], for examples of [H, W, C]; {@code
   * features}, float32 [-1, F], for examples of [F].
   */
  public static Placeholder<TFloat32> images(Ops tf, Shape inputShape) {
    InputKind kind = inputShape.numDimensions() == 3 ? InputKind.IMAGES : InputKind.FEATURES;
    return tf.withName(kind.inputName())
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1).append(inputShape)));
  }

  /**
   * Builds the pass of {@code model} over {@code variables} in {@code tf}'s scope.
   *
   * @param images float32 [S, H, W, C], raw pixels in [0,1], or [S, F] features
   * @param preprocessing the dataset's, which the pass applies
   * @param seed the run's seed (the pass draws nothing random; layers take it from the scope)
   * @param hook applied to every BEAN layer's activations before the next layer reads them
   */
  public static Forward build(
      Ops tf,
      Model model,
      Operand<TFloat32> images,
      Preprocessing preprocessing,
      VariableStore variables,
      long seed,
      ActivationHook hook) {
    return build(tf, model, images, preprocessing, variables, seed, hook, NeuronSelection.ALL);
  }

  /**
   * As {@link #build(Ops, Model, Operand, Preprocessing, VariableStore, long, ActivationHook)}, for
   * a model pruned to the neurons {@code selection} keeps.
   */
  public static Forward build(
      Ops tf,
      Model model,
      Operand<TFloat32> images,
      Preprocessing preprocessing,
      VariableStore variables,
      long seed,
      ActivationHook hook,
      NeuronSelection selection) {
    ModelScope scope =
        new ModelScope(tf, ModelScope.Mode.INFERENCE, variables, null, seed, hook, selection);
    return model.forward(
        scope, InputNormalization.apply(tf, images, preprocessing, false, seed, null));
  }

  /**
   * The pass in a graph of its own (a SavedModel's, an analysis graph's): the {@code images}
   * placeholder, and the model's variables named as in a run's checkpoint.
   *
   * @param images float32 [-1, H, W, C], raw pixels in [0,1], fed by the caller
   * @param variables the model's variables, by the names layers asked for ("hidden/bias", which its
   *     op may not be: a second sub-scope "hidden" is "hidden_1")
   */
  public record Standalone(
      Placeholder<TFloat32> images, Forward forward, VariableStore variables) {}

  /**
   * {@link #build} on a new input placeholder for examples of {@code inputShape} and new variables.
   */
  public static Standalone standalone(
      Ops tf,
      Model model,
      Shape inputShape,
      Preprocessing preprocessing,
      long seed,
      ActivationHook hook) {
    return standalone(tf, model, inputShape, preprocessing, seed, hook, NeuronSelection.ALL);
  }

  /** {@link #standalone} of a model pruned to the neurons {@code selection} keeps. */
  public static Standalone standalone(
      Ops tf,
      Model model,
      Shape inputShape,
      Preprocessing preprocessing,
      long seed,
      ActivationHook hook,
      NeuronSelection selection) {
    Placeholder<TFloat32> images = images(tf, inputShape);
    VariableStore variables = new VariableStore(tf, seed);
    return new Standalone(
        images,
        build(tf, model, images, preprocessing, variables, seed, hook, selection),
        variables);
  }
}
