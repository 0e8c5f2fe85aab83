package org.beantf.models.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beantf.data.io.Folders;
import org.beantf.data.io.OutputWriteException;
import org.beantf.models.BuildInfo;
import org.beantf.models.Provenance;

/**
 * What {@code bean prune} did and measured: pruning.json and the table it prints.
 *
 * @param run the run directory pruned
 * @param model the model id
 * @param dataset the dataset's name
 * @param gamma γ of |tanh(γw)|
 * @param settings the criterion and the fine-tuning epochs
 * @param layers each BEAN layer's neurons and connections before and after
 * @param before the run's kept model, as {@code bean export} exports it
 * @param after the exported pruned model
 * @param prunedAccuracy the test accuracy of the pruned training graph (connections masked, layers
 *     not shrunk) before fine-tuning
 * @param fineTunedAccuracy the same after the fine-tuning epochs, or null without fine-tuning
 * @param savedModel the pruned SavedModel's version folder, relative to the output folder
 * @param provenance the CPU and kernels the latencies were measured on (pruning.json also records
 *     the git commit the application was built from)
 */
public record PruningReport(
    String run,
    String model,
    String dataset,
    double gamma,
    PruneSettings settings,
    List<LayerCount> layers,
    Measured before,
    Measured after,
    double prunedAccuracy,
    Double fineTunedAccuracy,
    String savedModel,
    Provenance provenance) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One BEAN layer: N before and after, and the connections of W (N·M before, the kept ones after).
   */
  public record LayerCount(
      String layer,
      int neuronsBefore,
      int neuronsAfter,
      long connectionsBefore,
      long connectionsAfter) {}

  /**
   * A SavedModel's cost, test accuracy (through {@code BeanModel.predict}) and predict latencies.
   */
  public record Measured(ModelCost cost, double testAccuracy, List<PredictLatency> latencies) {}

  /** Writes pruning.json to {@code file}. */
  public void write(Path file) {
    try {
      Folders.writeAtomically(file, JSON.writeValueAsString(toJson()) + "\n");
    } catch (IOException e) {
      throw OutputWriteException.of(file, e);
    }
  }

  /** pruning.json's content. */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("run", run).put("model", model).put("dataset", dataset).put("gamma", gamma);
    ObjectNode criterion = root.putObject("criterion");
    if (settings.criterion() == PruneSettings.Criterion.THRESHOLD) {
      criterion.put("threshold", settings.value()).putNull("sparsity");
    } else {
      criterion.putNull("threshold").put("sparsity", settings.value());
    }
    root.put("fine_tune_epochs", settings.fineTuneEpochs());
    ArrayNode layerArray = root.putArray("layers");
    for (LayerCount layer : layers) {
      layerArray
          .addObject()
          .put("layer", layer.layer())
          .put("neurons_before", layer.neuronsBefore())
          .put("neurons_after", layer.neuronsAfter())
          .put("connections_before", layer.connectionsBefore())
          .put("connections_after", layer.connectionsAfter());
    }
    root.set("before", measured(before));
    root.set("after", measured(after));
    ObjectNode accuracy = root.putObject("test_accuracy");
    accuracy.put("before", before.testAccuracy());
    accuracy.put("pruned", prunedAccuracy);
    if (fineTunedAccuracy == null) {
      accuracy.putNull("fine_tuned");
    } else {
      accuracy.put("fine_tuned", fineTunedAccuracy);
    }
    accuracy.put("exported", after.testAccuracy());
    root.put("savedmodel", savedModel);
    root.set("provenance", provenance.toJson());
    String commit = BuildInfo.commit();
    if (commit == null) {
      root.putNull("git_commit");
    } else {
      root.put("git_commit", commit);
    }
    return root;
  }

  private static ObjectNode measured(Measured m) {
    ObjectNode node = JSON.createObjectNode();
    node.put("parameters", m.cost().parameters())
        .put("dense_parameters", m.cost().denseParameters())
        .put("dense_nonzero", m.cost().denseNonzero())
        .put("multiply_adds", m.cost().multiplyAdds())
        .put("test_accuracy", m.testAccuracy());
    ArrayNode latencies = node.putArray("predict_latency");
    for (PredictLatency latency : m.latencies()) {
      latencies
          .addObject()
          .put("batch", latency.batch())
          .put("repetitions", latency.repetitions())
          .put("median_ms", latency.medianMillis());
    }
    return node;
  }

  /** The report as the command line prints it: one line per layer, then a before/after table. */
  public List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "pruned %s (%s on %s): connections with %s, γ = %s; fine-tuned %d epoch%s",
            run,
            model,
            dataset,
            settings.describe(),
            gamma,
            settings.fineTuneEpochs(),
            settings.fineTuneEpochs() == 1 ? "" : "s"));
    for (LayerCount layer : layers) {
      lines.add(
          String.format(
              Locale.ROOT,
              "layer %-8s neurons %d → %d, connections %d → %d (%.1f%% kept)",
              layer.layer(),
              layer.neuronsBefore(),
              layer.neuronsAfter(),
              layer.connectionsBefore(),
              layer.connectionsAfter(),
              100.0 * layer.connectionsAfter() / layer.connectionsBefore()));
    }
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%-40s %12s %12s", "", "before", "after"));
    row(lines, "parameters", before.cost().parameters(), after.cost().parameters());
    row(lines, "dense parameters", before.cost().denseParameters(), after.cost().denseParameters());
    row(lines, "  of them nonzero", before.cost().denseNonzero(), after.cost().denseNonzero());
    row(
        lines,
        "multiply-adds per example",
        before.cost().multiplyAdds(),
        after.cost().multiplyAdds());
    lines.add(
        String.format(
            Locale.ROOT,
            "%-40s %12.4f %12.4f",
            "test accuracy (exported)",
            before.testAccuracy(),
            after.testAccuracy()));
    lines.add(
        String.format(
            Locale.ROOT, "%-40s %12s %12.4f", "  pruned, before fine-tuning", "", prunedAccuracy));
    if (fineTunedAccuracy != null) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-40s %12s %12.4f",
              "  after " + settings.fineTuneEpochs() + " fine-tuning epochs",
              "",
              fineTunedAccuracy));
    }
    for (int i = 0; i < before.latencies().size(); i++) {
      PredictLatency b = before.latencies().get(i);
      PredictLatency a = after.latencies().get(i);
      lines.add(
          String.format(
              Locale.ROOT,
              "%-40s %12.3f %12.3f",
              "predict, batch " + b.batch() + " (median ms of " + b.repetitions() + ")",
              b.medianMillis(),
              a.medianMillis()));
    }
    lines.add("measured on " + provenance.describe());
    return lines;
  }

  private static void row(List<String> lines, String label, long before, long after) {
    lines.add(String.format(Locale.ROOT, "%-40s %12d %12d", label, before, after));
  }
}
