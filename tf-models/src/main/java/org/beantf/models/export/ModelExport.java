package org.beantf.models.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.beantf.data.DatasetSpec;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.nn.VariableValue;
import org.beantf.models.train.DatasetJson;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.SavedModelExporter;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A run's checkpoint as a SavedModel: the inference graph, the checkpoint's weights restored into
 * it, exported; or a pruned model's inference graph with the weights given.
 */
public final class ModelExport {
  private ModelExport() {}

  /** bean.json, classes.txt and, for the user's data, features.txt (tables) and dataset.json. */
  private static Map<String, String> assets(TrainConfig config) {
    Map<String, String> assets = new LinkedHashMap<>();
    assets.put(SavedModelContract.BEAN_SETTINGS_ASSET, BeanSettings.of(config).toJson());
    assets.put(SavedModelContract.CLASSES_ASSET, lines(config.data().classNames()));
    if (!config.data().featureNames().isEmpty()) {
      assets.put(SavedModelContract.FEATURES_ASSET, lines(config.data().featureNames()));
    }
    if (config.data().source().kind() != DatasetSpec.Kind.BUILTIN) {
      assets.put(SavedModelContract.DATASET_ASSET, DatasetJson.of(config.data()).toPrettyString());
    }
    return assets;
  }

  private static String lines(List<String> names) {
    return String.join("\n", names) + "\n";
  }

  /**
   * Exports the weights of {@code checkpointPrefix} (a run's checkpoint/variables) as {@code
   * <base>/<name>/<version>}; {@code version} 0 takes the next free one.
   *
   * @return the version folder
   */
  public static Path export(
      TrainConfig config, String checkpointPrefix, Path base, String name, long version) {
    try (Graph graph = new Graph()) {
      List<Signature> signatures = InferenceGraph.build(graph, config);
      try (Session session = new Session(graph)) {
        session.restore(checkpointPrefix);
        long chosen = version > 0 ? version : SavedModelExporter.nextVersion(base, name);
        return SavedModelExporter.export(session, signatures, base, name, chosen, assets(config));
      }
    }
  }

  /**
   * Exports the model of {@code config} pruned to the neurons {@code selection} keeps, with the
   * variables given (each of the pruned graph's shape), as {@code <base>/<name>/<version>}: the
   * same signatures as {@link #export(TrainConfig, String, Path, String, long)}.
   *
   * @param weights a value for every variable of the pruned inference graph
   * @return the version folder
   * @throws IllegalArgumentException if a variable has no value or a value has another shape
   */
  public static Path export(
      TrainConfig config,
      NeuronSelection selection,
      List<VariableValue> weights,
      Path base,
      String name,
      long version) {
    try (Graph graph = new Graph()) {
      InferenceGraph.Built built = InferenceGraph.build(graph, config, selection);
      Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
      built.variables().entries().forEach(e -> variables.put(e.name(), e.variable()));
      if (!variables
          .keySet()
          .equals(weights.stream().map(VariableValue::name).collect(Collectors.toSet()))) {
        throw new IllegalArgumentException(
            "the pruned graph's variables are "
                + variables.keySet()
                + ", given "
                + weights.stream().map(VariableValue::name).toList());
      }
      Ops tf = Ops.create(graph).withSubScope("pruned_weights");
      List<Op> assignments = new ArrayList<>();
      List<TFloat32> tensors = new ArrayList<>();
      try (Session session = new Session(graph)) {
        Session.Runner runner = session.runner();
        for (VariableValue value : weights) {
          Variable<TFloat32> variable = variables.get(value.name());
          if (!variable.shape().equals(value.shape())) {
            throw new IllegalArgumentException(
                value.name()
                    + " is "
                    + variable.shape()
                    + " in the pruned graph, given "
                    + value.shape());
          }
          Placeholder<TFloat32> fed =
              tf.placeholder(TFloat32.class, Placeholder.shape(value.shape()));
          assignments.add(tf.assign(variable, fed));
          TFloat32 tensor =
              TFloat32.tensorOf(value.shape(), DataBuffers.of(value.values(), true, false));
          tensors.add(tensor);
          runner.feed(fed, tensor);
        }
        assignments.forEach(runner::addTarget);
        runner.run().close();
        return SavedModelExporter.export(
            session, built.signatures(), base, name, version, assets(config));
      } finally {
        tensors.forEach(TFloat32::close);
      }
    }
  }
}
