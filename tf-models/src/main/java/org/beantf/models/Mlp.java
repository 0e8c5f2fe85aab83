package org.beantf.models;

import java.util.ArrayList;
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
 * The paper's MLP: input (flattened) → 500 ReLU (BEAN layer "hidden") → classes; with {@code
 * --hidden 256,128}, one ReLU layer per size ("hidden1", "hidden2", …), each a BEAN layer whose
 * outgoing weights are the next layer's kernel.
 */
public final class Mlp implements Model {
  static final String HIDDEN = "hidden";

  /** The BEAN layers of the paper's MLP (one hidden layer). */
  static final List<String> BEAN_LAYERS = List.of(HIDDEN);

  private final List<Dense> hidden = new ArrayList<>();
  private final List<Dropout> dropouts = new ArrayList<>();
  private final Dense output;

  /**
   * @param dropoutRate dropout after each hidden layer, 0 for none
   * @param units the units of each hidden layer, in order
   */
  Mlp(int classes, double dropoutRate, List<Integer> units) {
    List<String> names = layerNames(units.size());
    for (int i = 0; i < units.size(); i++) {
      hidden.add(new Dense(names.get(i), units.get(i), Activation.RELU));
      dropouts.add(new Dropout(names.get(i), dropoutRate));
    }
    this.output = new Dense("output", classes, Activation.LINEAR);
  }

  /** "hidden" for one hidden layer, else "hidden1", "hidden2", …. */
  static List<String> layerNames(int layers) {
    if (layers == 1) {
      return BEAN_LAYERS;
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= layers; i++) {
      names.add(HIDDEN + i);
    }
    return List.copyOf(names);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MLP;
  }

  @Override
  public Forward forward(ModelScope scope, Operand<TFloat32> images) {
    Operand<TFloat32> x = Pooling.flatten(scope.tf(), images);
    List<Operand<TFloat32>> activations = new ArrayList<>();
    for (int i = 0; i < hidden.size(); i++) {
      Dense layer = hidden.get(i);
      Operand<TFloat32> h = scope.beanActivations(layer.name(), layer.apply(scope, x));
      activations.add(h);
      x = dropouts.get(i).apply(scope, h);
    }
    Operand<TFloat32> logits = output.apply(scope, x);
    List<BeanLayer<TFloat32>> layers = new ArrayList<>();
    for (int i = 0; i < hidden.size(); i++) {
      Dense next = i + 1 < hidden.size() ? hidden.get(i + 1) : output;
      layers.add(new BeanLayer<>(hidden.get(i).name(), activations.get(i), next.kernel(scope)));
    }
    return new Forward(logits, layers);
  }
}
