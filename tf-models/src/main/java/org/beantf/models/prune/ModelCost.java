package org.beantf.models.prune;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beantf.models.InferencePass;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.nn.VariableValue;
import org.beantf.models.train.TrainConfig;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * What a model costs: its parameters and the multiply-adds of one example's forward pass.
 *
 * @param parameters every value the SavedModel stores (kernels, biases, batch-norm scales, offsets
 *     and moving statistics)
 * @param denseParameters the dense layers' kernels and biases
 * @param denseNonzero the dense kernels' and biases' entries that are not zero (a pruned model's
 *     kept rows and columns still hold its removed connections, as zeros)
 * @param multiplyAdds per example, of every matrix product and convolution the logits depend on:
 *     in·out per dense layer, H_out·W_out·k_h·k_w·C_in·C_out per convolution (bias additions,
 *     activations, pooling and batch norm not counted)
 */
public record ModelCost(
    long parameters, long denseParameters, long denseNonzero, long multiplyAdds) {

  /**
   * The cost of {@code config}'s model pruned to {@code selection}, with the variables {@code
   * values}; the multiply-adds are read from the shapes of its inference graph.
   */
  public static ModelCost of(
      TrainConfig config, NeuronSelection selection, List<VariableValue> values) {
    long parameters = 0;
    long dense = 0;
    long nonzero = 0;
    for (VariableValue value : values) {
      parameters += value.values().length;
      if (value.kind().denseWeight()) {
        dense += value.values().length;
        for (float v : value.values()) {
          nonzero += v != 0 ? 1 : 0;
        }
      }
    }
    try (Graph graph = new Graph()) {
      Operand<?> logits =
          InferencePass.standalone(
                  Ops.create(graph),
                  config.buildModel(),
                  config.inputShape(),
                  config.data().preprocessing(),
                  config.seed(),
                  ActivationHook.NONE,
                  selection)
              .forward()
              .logits();
      return new ModelCost(parameters, dense, nonzero, multiplyAdds((GraphOperation) logits.op()));
    }
  }

  /** The multiply-adds per example of the matrix products and convolutions {@code end} needs. */
  static long multiplyAdds(GraphOperation end) {
    long total = 0;
    Deque<GraphOperation> pending = new ArrayDeque<>(List.of(end));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      if (!seen.add(op.name())) {
        continue;
      }
      if (op.type().equals("MatMul")) {
        Shape kernel = op.input(1).shape();
        total += kernel.get(0) * kernel.get(1);
      } else if (op.type().equals("Conv2D")) {
        Shape output = op.output(0).shape();
        Shape filter = op.input(1).shape();
        total += output.get(1) * output.get(2) * filter.size();
      }
      for (Operand<?> input : op.inputs()) {
        pending.push((GraphOperation) input.op());
      }
    }
    return total;
  }
}
