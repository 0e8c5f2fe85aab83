package org.beantf.models;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.models.nn.Activation;
import org.beantf.models.nn.Dense;
import org.beantf.models.nn.Dropout;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The paper's MLP: input (flattened) → 500 ReLU (BEAN layer "hidden", or {@code --hidden} units) →
 * classes.
 */
public final class Mlp implements Model {
  static final String HIDDEN = "hidden";

  /** The BEAN layers, in order. */
  static final List<String> BEAN_LAYERS = List.of(HIDDEN);

  private final Dense hidden;
  private final Dense output;
  private final Dropout dropout;

  /**
   * @param dropoutRate dropout after the hidden layer, 0 for none
   * @param units the hidden layer's units
   */
  Mlp(int classes, double dropoutRate, int units) {
    this.hidden = new Dense(HIDDEN, units, Activation.RELU);
    this.output = new Dense("output", classes, Activation.LINEAR);
    this.dropout = new Dropout(HIDDEN, dropoutRate);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MLP;
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images) {
    Operand<TFloat32> h =
        scope.beanActivations(HIDDEN, hidden.apply(scope, Pooling.flatten(scope.tf(), images)));
    Operand<TFloat32> logits = output.apply(scope, dropout.apply(scope, h));
    return new Forward(logits, List.of(new BeanLayer<>(HIDDEN, h, output.kernel(scope))));
  }
}
