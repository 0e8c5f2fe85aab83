package org.beantf.models.export;

import org.beantf.models.Forward;
import org.beantf.models.Model;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.train.InputNormalization;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelContract;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A model's forward pass in inference mode (moving batch-norm statistics, no dropout) on raw images fed to the
 * {@code images} placeholder, normalised inside the graph, over variables named as in the run's checkpoint: what
 * the SavedModel and the analysis graph both build.
 *
 * @param images float32 [-1, H, W, C], raw pixels in [0,1]
 */
public record InferencePass(Placeholder<TFloat32> images, Forward forward) {

  /** Builds the pass of {@code model} trained with {@code config}, with {@code hook} on its BEAN layers. */
  public static InferencePass build(Ops tf, Model model, TrainConfig config, Shape imageShape,
      ActivationHook hook) {
    Placeholder<TFloat32> images = tf.withName(SavedModelContract.IMAGES).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, imageShape.get(0), imageShape.get(1), imageShape.get(2))));
    VariableStore variables = new VariableStore(tf, config.seed());
    ModelScope scope = new ModelScope(tf, ModelScope.Mode.INFERENCE, variables, null, config.seed(), hook);
    return new InferencePass(images, model.forward(scope,
        InputNormalization.apply(tf, images, config.dataset(), false, config.seed(), null),
        config.dataset().classes()));
  }
}
