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

/** The paper's MLP: input → 500 ReLU (BEAN layer "hidden") → classes. */
public final class Mlp implements Model {
  private final Dense hidden = new Dense("hidden", 500, Activation.RELU);
  private final Dropout dropout;

  /** @param dropoutRate dropout after the hidden layer, 0 for none */
  public Mlp(double dropoutRate) {
    this.dropout = new Dropout("hidden", dropoutRate);
  }

  @Override
  public String id() {
    return "mlp";
  }

  @Override
  public List<String> beanLayerNames() {
    return List.of("hidden");
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images, int classes) {
    Dense out = new Dense("output", classes, Activation.LINEAR);
    Operand<TFloat32> h = scope.beanActivations("hidden", hidden.apply(scope, Pooling.flatten(scope.tf(), images)));
    Operand<TFloat32> logits = out.apply(scope, dropout.apply(scope, h));
    return new Forward(logits, List.of(new BeanLayer<>("hidden", h, out.kernel(scope, 500))),
        List.of("hidden", "output"));
  }
}
