package org.beantf.models.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A fully connected layer, activation(x·W + b), with W [in, units] and b [units] drawn as the
 * store's {@link WeightInit} says.
 */
public final class Dense {
  private final String name;
  private final int units;
  private final Activation activation;

  public Dense(String name, int units, Activation activation) {
    this.name = name;
    this.units = units;
    this.activation = activation;
  }

  public String name() {
    return name;
  }

  /**
   * activation(x·W + b) for x [S, in]; W is [in, units] (fewer units when the scope's model is
   * pruned, {@link ModelScope#units}).
   */
  public Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> x) {
    long in = x.shape().get(1);
    int units = scope.units(name, this.units);
    Operand<TFloat32> w =
        scope
            .variables()
            .get(
                name + "/kernel",
                Shape.of(in, units),
                VariableStore.Kind.DENSE_KERNEL,
                scope.variables().init().denseKernel(in, units));
    Operand<TFloat32> b =
        scope
            .variables()
            .get(
                name + "/bias",
                Shape.of(units),
                VariableStore.Kind.DENSE_BIAS,
                scope.variables().init().bias(in));
    return activation.apply(scope.tf(), scope.tf().nn.biasAdd(scope.tf().linalg.matMul(x, w), b));
  }

  /**
   * W [in, units], read after {@link #apply} made it (its fan-in is the input's): the outgoing
   * weights of the layer before this one, for BEAN.
   */
  public Operand<TFloat32> kernel(ModelScope scope) {
    return scope.variables().read(name + "/kernel");
  }
}
