package org.beantf.models;

import java.util.List;

/**
 * A model kind with the sizes it is built with: what a run's BEAN layer names and the regularizers'
 * defaults depend on. Only the MLP has sizes of its own ({@code --hidden}); LeNet-5 and ResNet18
 * are fixed.
 *
 * @param kind the model
 * @param hidden the units of each of the MLP's hidden layers, in order (the paper's [500])
 */
public record Architecture(ModelKind kind, List<Integer> hidden) {
  public Architecture {
    hidden = List.copyOf(hidden);
  }

  /** {@code kind} with its default sizes. */
  public static Architecture of(ModelKind kind) {
    return new Architecture(kind, List.of(ModelDefaults.HIDDEN));
  }

  /**
   * The BEAN layer names, in order: the kind's, except for an MLP with several hidden layers, whose
   * layers are {@code hidden1}, {@code hidden2}, … (one hidden layer keeps the name {@code
   * hidden}).
   */
  public List<String> beanLayerNames() {
    return kind == ModelKind.MLP ? Mlp.layerNames(hidden.size()) : kind.beanLayerNames();
  }

  /** The kind's default learning rate and regularizer strengths. */
  public ModelDefaults defaults() {
    return kind.defaults();
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
