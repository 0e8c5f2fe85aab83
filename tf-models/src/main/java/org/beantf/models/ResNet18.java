package org.beantf.models;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.models.nn.Activation;
import org.beantf.models.nn.BatchNorm;
import org.beantf.models.nn.Conv2d;
import org.beantf.models.nn.Dense;
import org.beantf.models.nn.Dropout;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ResNet18, CIFAR variant: a 3×3 stem with 64 filters, four stages of two basic blocks (64, 128,
 * 256, 512 filters; stride 2 from stage 2, with a 1×1 projection shortcut where the shape changes),
 * batch norm after every convolution, global average pooling ("pool", the BEAN layer, 512 →
 * classes) and a dense output.
 */
public final class ResNet18 implements Model {
  static final String POOL = "pool";

  /** The BEAN layers, in order. */
  static final List<String> BEAN_LAYERS = List.of(POOL);

  private static final int[] STAGE_FILTERS = {64, 128, 256, 512};
  private final Dense fc;
  private final Dropout dropout;

  /**
   * @param dropoutRate dropout on the pooled features, 0 for none
   */
  ResNet18(int classes, double dropoutRate) {
    this.fc = new Dense("fc", classes, Activation.LINEAR);
    this.dropout = new Dropout(POOL, dropoutRate);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.RESNET18;
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images) {
    Ops tf = scope.tf();
    Operand<TFloat32> x = convBn(scope, "stem", images, 64, 3, 1, true);
    for (int stage = 0; stage < STAGE_FILTERS.length; stage++) {
      for (int block = 0; block < 2; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        x =
            basicBlock(
                scope,
                "stage" + (stage + 1) + "_block" + (block + 1),
                x,
                STAGE_FILTERS[stage],
                stride);
      }
    }
    Operand<TFloat32> pool = scope.beanActivations(POOL, Pooling.globalAverage(tf, x));
    Operand<TFloat32> logits = fc.apply(scope, dropout.apply(scope, pool));
    return new Forward(logits, List.of(new BeanLayer<>(POOL, pool, fc.kernel(scope))));
  }

  /**
   * relu(x + F(x)) with F = conv-bn-relu-conv-bn; the shortcut projects when stride or width
   * change.
   */
  private static Operand<TFloat32> basicBlock(
      ModelScope scope, String name, Operand<TFloat32> x, int filters, int stride) {
    Operand<TFloat32> residual = convBn(scope, name + "_conv1", x, filters, 3, stride, true);
    residual = convBn(scope, name + "_conv2", residual, filters, 3, 1, false);
    Operand<TFloat32> shortcut =
        stride == 1 && x.shape().get(3) == filters
            ? x
            : convBn(scope, name + "_shortcut", x, filters, 1, stride, false);
    return scope.tf().nn.relu(scope.tf().math.add(residual, shortcut));
  }

  private static Operand<TFloat32> convBn(
      ModelScope scope,
      String name,
      Operand<TFloat32> x,
      int filters,
      int size,
      int stride,
      boolean relu) {
    Operand<TFloat32> y =
        new Conv2d(name, filters, size, stride, "SAME", false, Activation.LINEAR).apply(scope, x);
    y = new BatchNorm(name + "_bn").apply(scope, y);
    return relu ? scope.tf().nn.relu(y) : y;
  }
}
