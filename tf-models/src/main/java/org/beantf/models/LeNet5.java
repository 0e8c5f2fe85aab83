package org.beantf.models;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.models.nn.Activation;
import org.beantf.models.nn.Conv2d;
import org.beantf.models.nn.Dense;
import org.beantf.models.nn.Dropout;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * LeNet-5 as in the authors' code: conv 6@5×5 same → max-pool 2 → conv 16@5×5 valid → max-pool 2 → fc 120 → fc 84
 * → classes, ReLU. BEAN layers: the flattened pool output ("flatten", 400 on 28×28), "fc1" and "fc2", each with the
 * next dense kernel as its outgoing weights.
 */
public final class LeNet5 implements Model {
  private final Conv2d conv1 = new Conv2d("conv1", 6, 5, 1, "SAME", true, Activation.RELU);
  private final Conv2d conv2 = new Conv2d("conv2", 16, 5, 1, "VALID", true, Activation.RELU);
  private final Dense fc1 = new Dense("fc1", 120, Activation.RELU);
  private final Dense fc2 = new Dense("fc2", 84, Activation.RELU);
  private final Dropout dropout1;
  private final Dropout dropout2;

  /** @param dropoutRate dropout after fc1 and fc2, 0 for none */
  public LeNet5(double dropoutRate) {
    this.dropout1 = new Dropout("fc1", dropoutRate);
    this.dropout2 = new Dropout("fc2", dropoutRate);
  }

  @Override
  public String id() {
    return "lenet5";
  }

  @Override
  public String unfitInput(long height, long width, long channels) {
    // conv same, pool 2, conv 5 valid, pool 2: at least 12 pixels a side leave one 1x1 feature map
    return height >= 12 && width >= 12 ? null
        : "LeNet-5 needs images of at least 12x12, got " + height + "x" + width;
  }

  @Override
  public List<String> beanLayerNames() {
    return List.of("flatten", "fc1", "fc2");
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images, int classes) {
    Ops tf = scope.tf();
    Dense fc3 = new Dense("fc3", classes, Activation.LINEAR);
    Operand<TFloat32> pool1 = Pooling.maxPool(tf, conv1.apply(scope, images), 2);
    Operand<TFloat32> pool2 = Pooling.maxPool(tf, conv2.apply(scope, pool1), 2);
    Operand<TFloat32> flat = scope.beanActivations("flatten", Pooling.flatten(tf, pool2));
    Operand<TFloat32> h1 = scope.beanActivations("fc1", fc1.apply(scope, flat));
    Operand<TFloat32> h2 = scope.beanActivations("fc2", fc2.apply(scope, dropout1.apply(scope, h1)));
    Operand<TFloat32> logits = fc3.apply(scope, dropout2.apply(scope, h2));
    return new Forward(logits, List.of(
        new BeanLayer<>("flatten", flat, fc1.kernel(scope, flat.shape().get(1))),
        new BeanLayer<>("fc1", h1, fc2.kernel(scope, 120)),
        new BeanLayer<>("fc2", h2, fc3.kernel(scope, 84))),
        List.of("fc1", "fc2", "fc3"));
  }
}
