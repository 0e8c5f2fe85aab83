package org.beantf.models.prune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.beantf.data.Dataset;
import org.beantf.data.io.Folders;
import org.beantf.models.Provenance;
import org.beantf.models.export.ModelExport;
import org.beantf.models.export.SavedModelEvaluation;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.nn.VariableValue;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.TrainingSession;
import org.beantf.savedmodels.BeanModel;

/**
 * Structured pruning of a run's BEAN layers ({@code bean prune}): decides what to keep ({@link
 * PruningPlan}) from the kept checkpoint's W, masks the removed connections in the run's training
 * graph (and fine-tunes it with them masked), shrinks the dense layers to the kept neurons ({@link
 * PrunedWeights}) and exports them as a SavedModel with the signatures of {@code bean export}, then
 * measures the model before and after through {@code BeanModel}.
 *
 * <p>The output folder holds {@code savedmodel/<model>/1/} (a TF Serving model base, {@code
 * savedmodel/<model>}) and {@code pruning.json}.
 */
public final class Pruner {
  /** The batch sizes whose {@code BeanModel.predict} latency is measured. */
  static final int[] LATENCY_BATCHES = {1, 100};

  private Pruner() {}

  /**
   * Prunes {@code source} as {@code settings} say, writing into {@code out} (an existing, empty
   * folder: the caller stages it, commits it, and deletes it on a failure, which may leave a
   * temporary export of the unpruned model in it).
   *
   * @param data the run's dataset: fine-tuning trains on its training split, accuracies are on its
   *     test set
   * @param progress gets a line per step
   * @throws org.beantf.data.InvalidSettingException if the criterion removes every neuron of a
   *     layer
   * @throws org.beantf.models.train.TrainingDivergedException if fine-tuning diverges
   */
  public static PruningReport prune(
      PrunableRun source,
      PruneSettings settings,
      Dataset data,
      Path out,
      Consumer<String> progress) {
    TrainConfig config = source.config();
    String checkpoint = source.run().keptCheckpoint().resolve("variables").toString();
    List<LayerWiring> wiring = LayerWiring.of(config);

    List<VariableValue> original;
    try (TrainingSession session = TrainingSession.open(config)) {
      session.restore(checkpoint);
      original = session.values();
    }
    PruningPlan plan =
        PruningPlan.of(wiring, outgoingWeights(wiring, original), config.gamma(), settings);

    double prunedAccuracy;
    Double fineTunedAccuracy = null;
    List<VariableValue> masked;
    try (TrainingSession session = TrainingSession.open(config, plan.masks())) {
      session.restore(checkpoint);
      session.applyMasks();
      prunedAccuracy = session.evaluate(data.test()).overall();
      progress.accept("pruned training graph: test accuracy " + prunedAccuracy);
      if (settings.fineTuneEpochs() > 0) {
        int keptEpoch =
            source.run().checkpointState(source.run().keptCheckpoint()).get("epoch").asInt();
        FineTuning.run(session, config, data, keptEpoch, settings.fineTuneEpochs(), progress);
        fineTunedAccuracy = session.evaluate(data.test()).overall();
        progress.accept("fine-tuned: test accuracy " + fineTunedAccuracy);
      }
      masked = session.values();
    }

    NeuronSelection selection = plan.selection();
    List<VariableValue> pruned = PrunedWeights.of(masked, plan);
    String name = config.model().id();
    Path version =
        ModelExport.export(config, selection, pruned, out.resolve("savedmodel"), name, 1);
    // the run's model as bean export makes it, for the measurements only
    Path originalBase = out.resolve(".original");
    Path originalVersion = ModelExport.export(config, checkpoint, originalBase, name, 1);
    PruningReport.Measured before;
    PruningReport.Measured after;
    progress.accept("measuring the models before and after");
    try (BeanModel whole = BeanModel.load(originalVersion);
        BeanModel shrunk = BeanModel.load(version)) {
      List<List<PredictLatency>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
      for (int batch : LATENCY_BATCHES) {
        List<PredictLatency> both =
            PredictLatency.compare(
                List.of(whole, shrunk), data.test(), batch, settings.repetitions());
        latencies.get(0).add(both.get(0));
        latencies.get(1).add(both.get(1));
      }
      before =
          measured(
              whole,
              ModelCost.of(config, NeuronSelection.ALL, original),
              data,
              config,
              latencies.get(0));
      after =
          measured(shrunk, ModelCost.of(config, selection, pruned), data, config, latencies.get(1));
    }
    try {
      Folders.deleteRecursively(originalBase);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + originalBase, e);
    }

    List<PruningReport.LayerCount> counts = new ArrayList<>();
    for (PruningPlan.LayerPlan layer : plan.layers()) {
      LayerWiring w = layer.wiring();
      counts.add(
          new PruningReport.LayerCount(
              w.layer(),
              w.neurons(),
              layer.keptNeurons().length,
              (long) w.neurons() * w.outgoing(),
              layer.keptConnections()));
    }
    PruningReport report =
        new PruningReport(
            source.run().root().toString(),
            name,
            config.data().name(),
            config.gamma(),
            settings,
            counts,
            before,
            after,
            prunedAccuracy,
            fineTunedAccuracy,
            out.relativize(version).toString(),
            Provenance.current());
    report.write(out.resolve("pruning.json"));
    return report;
  }

  /** W [N][M] of each BEAN layer, from the model's variables. */
  private static Map<String, float[][]> outgoingWeights(
      List<LayerWiring> wiring, List<VariableValue> values) {
    Map<String, float[][]> weights = new LinkedHashMap<>();
    for (LayerWiring layer : wiring) {
      VariableValue w =
          values.stream()
              .filter(v -> v.name().equals(layer.weights()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no variable " + layer.weights()));
      weights.put(layer.layer(), w.matrix());
    }
    return weights;
  }

  private static PruningReport.Measured measured(
      BeanModel model,
      ModelCost cost,
      Dataset data,
      TrainConfig config,
      List<PredictLatency> latencies) {
    double accuracy =
        SavedModelEvaluation.accuracy(model, data.test(), config.data().classes()).overall();
    return new PruningReport.Measured(cost, accuracy, latencies);
  }
}
