package org.beantf.models;

import org.beantf.models.nn.ModelScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A network built for a dataset's input shape and classes ({@link ModelKind#build}), as a
 * declaration of layers. The trainer, the exporter and the analysis take any model: they build its
 * forward pass in a {@link ModelScope}, once for training and once for inference, sharing the
 * variables.
 */
public interface Model {

  /** What model this is: its id, BEAN layers and defaults. */
  ModelKind kind();

  /**
   * Builds the forward pass.
   *
   * @param images [S, H, W, C], already normalised for the dataset
   */
  Forward forward(ModelScope scope, Operand<TFloat32> images);
}
