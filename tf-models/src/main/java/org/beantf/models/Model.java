package org.beantf.models;

import java.util.List;
import org.beantf.models.nn.ModelScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A network as a declaration of layers. The trainer and the exporter take any model: they build its forward pass
 * in a {@link ModelScope}, once for training and once for inference, sharing the variables.
 */
public interface Model {

  /** The name used on the command line ("mlp", "lenet5", "resnet18"). */
  String id();

  /** The BEAN layer names, in the order of DESIGN.md's table. */
  List<String> beanLayerNames();

  /**
   * Why images of height × width × channels do not fit this model, or null when they do.
   */
  default String unfitInput(long height, long width, long channels) {
    return null;
  }

  /**
   * Builds the forward pass.
   *
   * @param images [S, H, W, C], already normalised for the dataset
   * @param classes the number of classes
   */
  Forward forward(ModelScope scope, Operand<TFloat32> images, int classes);
}
