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
 * LeNet-5 as in the authors' code: conv 6@5×5 same → max-pool 2 → conv 16@5×5 valid → max-pool 2 →
 * fc 120 → fc 84 → classes, ReLU. BEAN layers: the flattened pool output ("flatten", 400 on 28×28),
 * "fc1" and "fc2", each with the next dense kernel as its outgoing weights.
 */
public final class LeNet5 implements Model {
  static final String FLATTEN = "flatten";
  static final String FC1 = "fc1";
  static final String FC2 = "fc2";

  /** The BEAN layers, in order. */
  static final List<String> BEAN_LAYERS = List.of(FLATTEN, FC1, FC2);

  private final Conv2d conv1 = new Conv2d("conv1", 6, 5, 1, "SAME", true, Activation.RELU);
  private final Conv2d conv2 = new Conv2d("conv2", 16, 5, 1, "VALID", true, Activation.RELU);
  private final Dense fc1 = new Dense(FC1, 120, Activation.RELU);
  private final Dense fc2 = new Dense(FC2, 84, Activation.RELU);
  private final Dense fc3;
  private final Dropout dropout1;
  private final Dropout dropout2;

  /**
   * @param dropoutRate dropout after fc1 and fc2, 0 for none
   */
  LeNet5(int classes, double dropoutRate) {
    this.fc3 = new Dense("fc3", classes, Activation.LINEAR);
    this.dropout1 = new Dropout(FC1, dropoutRate);
    this.dropout2 = new Dropout(FC2, dropoutRate);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.LENET5;
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images) {
    Ops tf = scope.tf();
    Operand<TFloat32> pool1 = Pooling.maxPool(tf, conv1.apply(scope, images), 2);
    Operand<TFloat32> pool2 = Pooling.maxPool(tf, conv2.apply(scope, pool1), 2);
    Operand<TFloat32> flat = scope.beanActivations(FLATTEN, Pooling.flatten(tf, pool2));
    Operand<TFloat32> h1 = scope.beanActivations(FC1, fc1.apply(scope, flat));
    Operand<TFloat32> h2 = scope.beanActivations(FC2, fc2.apply(scope, dropout1.apply(scope, h1)));
    Operand<TFloat32> logits = fc3.apply(scope, dropout2.apply(scope, h2));
    return new Forward(
        logits,
        List.of(
            new BeanLayer<>(FLATTEN, flat, fc1.kernel(scope)),
            new BeanLayer<>(FC1, h1, fc2.kernel(scope)),
            new BeanLayer<>(FC2, h2, fc3.kernel(scope))));
  }
}
