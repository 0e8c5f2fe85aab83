package org.beantf.models.prune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beantf.bean.BeanLayer;
import org.beantf.models.Forward;
import org.beantf.models.InferencePass;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.train.TrainConfig;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How a BEAN layer is connected in its model, as pruning needs it: which variable its outgoing
 * weights W are, whether a dense layer of its own name produces it (whose kernel columns and bias
 * entries are its neurons), and which BEAN layer's neurons W's columns are. Read from the model's
 * inference pass, so it holds for any model built from {@code org.beantf.models.nn} layers.
 *
 * @param layer the BEAN layer's name
 * @param neurons N, W's rows
 * @param outgoing M, W's columns
 * @param weights the variable W is ("fc1/kernel" for LeNet-5's {@code flatten})
 * @param dense whether the dense layer {@code layer} produces it ({@code <layer>/kernel} and {@code
 *     <layer>/bias}: MLP {@code hidden}, LeNet-5 {@code fc1}, {@code fc2}); else its activations
 *     are a reshape or pooling ({@code flatten}, {@code pool})
 * @param next the BEAN layer whose neurons W's columns are (LeNet-5's {@code fc1} for {@code
 *     flatten}), or null when they are not a BEAN layer's (the classes)
 */
public record LayerWiring(
    String layer, int neurons, int outgoing, String weights, boolean dense, String next) {

  /** The wiring of every BEAN layer of {@code config}'s model, in the model's order. */
  public static List<LayerWiring> of(TrainConfig config) {
    try (Graph graph = new Graph()) {
      InferencePass.Standalone pass =
          InferencePass.standalone(
              Ops.create(graph),
              config.buildModel(),
              config.inputShape(),
              config.data().preprocessing(),
              config.seed(),
              ActivationHook.NONE);
      Forward forward = pass.forward();
      Map<String, String> storeNames = new HashMap<>();
      pass.variables().entries().forEach(e -> storeNames.put(e.variable().op().name(), e.name()));
      List<String> names = forward.beanLayers().stream().map(BeanLayer::name).toList();
      List<LayerWiring> wiring = new ArrayList<>();
      for (BeanLayer<TFloat32> layer : forward.beanLayers()) {
        String weights = storeNames.get(variableRead(layer));
        String producer = weights.substring(0, weights.lastIndexOf('/'));
        wiring.add(
            new LayerWiring(
                layer.name(),
                (int) layer.neurons(),
                (int) layer.outgoing(),
                weights,
                storeNames.containsValue(layer.name() + "/kernel"),
                names.contains(producer) ? producer : null));
      }
      return wiring;
    }
  }

  /**
   * The op of the variable W reads: a layer's weights are {@code identity(variable)}
   * (VariableStore), so the identity's input is it.
   */
  private static String variableRead(BeanLayer<TFloat32> layer) {
    GraphOperation read = (GraphOperation) layer.outgoingWeights().op();
    GraphOperation variable = (GraphOperation) read.input(0).op();
    if (!read.type().equals("Identity") || !variable.type().startsWith("Variable")) {
      throw new IllegalStateException(
          "the outgoing weights of " + layer.name() + " are not a variable read (" + read + ")");
    }
    return variable.name();
  }
}
