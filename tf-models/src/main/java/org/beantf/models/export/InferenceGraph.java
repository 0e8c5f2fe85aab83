package org.beantf.models.export;

import java.util.ArrayList;
import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.models.Forward;
import org.beantf.models.InferencePass;
import org.beantf.models.LayerMatrices;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelContract;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The graph a SavedModel holds: the forward pass in inference mode (moving batch-norm statistics,
 * no dropout), the in-graph normalisation, and the BEAN layers' correlation ops, over variables
 * named as in the checkpoint — no gradients, no optimizer slots, no step counter.
 */
public final class InferenceGraph {
  private InferenceGraph() {}

  /**
   * The signatures of DESIGN.md, built in {@code graph} for {@code config}'s model on its dataset's
   * input.
   */
  public static List<Signature> build(Graph graph, TrainConfig config) {
    return build(graph, config, NeuronSelection.ALL).signatures();
  }

  /** The signatures a graph holds, and the model variables they read. */
  public record Built(List<Signature> signatures, VariableStore variables) {}

  /**
   * The signatures of a model pruned to the neurons {@code selection} keeps: the same names and
   * outputs, with the BEAN layers' activations, weights and correlations over the kept neurons.
   */
  public static Built build(Graph graph, TrainConfig config, NeuronSelection selection) {
    Ops tf = Ops.create(graph);
    InferencePass.Standalone pass =
        InferencePass.standalone(
            tf,
            config.buildModel(),
            config.inputShape(),
            config.data().preprocessing(),
            config.seed(),
            ActivationHook.NONE,
            selection);
    Placeholder<TFloat32> images = pass.images();
    Forward forward = pass.forward();

    Operand<TFloat32> logits = tf.withName(SavedModelContract.LOGITS).identity(forward.logits());
    Operand<TFloat32> probabilities =
        tf.withName(SavedModelContract.PROBABILITIES).nn.softmax(logits);
    Operand<TInt64> classIds =
        tf.withName(SavedModelContract.CLASS_IDS).math.argMax(logits, tf.constant(1));
    String[] names = config.data().classNames().toArray(new String[0]);
    Operand<TString> classNames =
        tf.withName(SavedModelContract.CLASS_NAMES)
            .gather(tf.constant(NdArrays.vectorOfObjects(names)), classIds, tf.constant(0));
    String input = config.data().input().inputName();
    Signature serving =
        Signature.builder()
            .key(SavedModelContract.SERVING_DEFAULT)
            .methodName(SavedModelContract.PREDICT_METHOD)
            .input(input, images)
            .output(SavedModelContract.LOGITS, logits)
            .output(SavedModelContract.PROBABILITIES, probabilities)
            .output(SavedModelContract.CLASS_IDS, classIds)
            .output(SavedModelContract.CLASS_NAMES, classNames)
            .build();

    Signature.Builder bean =
        Signature.builder()
            .key(SavedModelContract.BEAN_SIGNATURE)
            .methodName(SavedModelContract.PREDICT_METHOD)
            .input(input, images);
    for (BeanLayer<TFloat32> layer : forward.beanLayers()) {
      LayerMatrices m =
          LayerMatrices.of(
              tf.withSubScope("bean_" + layer.name()),
              layer,
              config.gamma(),
              config.normalization());
      bean.output(SavedModelContract.activations(layer.name()), layer.activations())
          .output(SavedModelContract.weights(layer.name()), m.weights())
          .output(SavedModelContract.correlation(layer.name(), 1), m.correlation1())
          .output(SavedModelContract.correlation(layer.name(), 2), m.correlation2());
    }
    List<Signature> signatures = new ArrayList<>();
    signatures.add(serving);
    signatures.add(bean.build());
    return new Built(signatures, pass.variables());
  }
}
