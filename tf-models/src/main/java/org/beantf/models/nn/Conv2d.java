package org.beantf.models.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A 2-D convolution over NHWC input: kernel [k, k, in, filters] and optional bias, drawn as the
 * store's {@link WeightInit} says.
 */
public final class Conv2d {
  private final String name;
  private final int filters;
  private final int size;
  private final int stride;
  private final String padding;
  private final boolean bias;
  private final Activation activation;

  /**
   * @param padding "SAME" or "VALID"
   * @param bias false before a batch norm, whose offset does the bias's job
   */
  public Conv2d(
      String name,
      int filters,
      int size,
      int stride,
      String padding,
      boolean bias,
      Activation activation) {
    this.name = name;
    this.filters = filters;
    this.size = size;
    this.stride = stride;
    this.padding = padding;
    this.bias = bias;
    this.activation = activation;
  }

  public Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> x) {
    long in = x.shape().get(3);
    long fanIn = (long) size * size * in;
    Operand<TFloat32> kernel =
        scope
            .variables()
            .get(
                name + "/kernel",
                Shape.of(size, size, in, filters),
                VariableStore.Kind.CONV_KERNEL,
                scope.variables().init().convKernel(fanIn));
    Operand<TFloat32> y =
        scope.tf().nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), padding);
    if (bias) {
      Operand<TFloat32> b =
          scope
              .variables()
              .get(
                  name + "/bias",
                  Shape.of(filters),
                  VariableStore.Kind.CONV_BIAS,
                  scope.variables().init().bias(fanIn));
      y = scope.tf().nn.biasAdd(y, b);
    }
    return activation.apply(scope.tf(), y);
  }
}
