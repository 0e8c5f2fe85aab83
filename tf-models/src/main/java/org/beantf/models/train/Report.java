package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.models.BuildInfo;
import org.beantf.models.Provenance;
import org.tensorflow.TensorFlow;

/**
 * report.json: the run's configuration and outcome, and where it ran (DESIGN.md "Run directory").
 */
final class Report {
  private Report() {}

  static JsonNode of(
      TrainConfig config, JsonNode configJson, TrainingOutcome outcome, double wallSeconds) {
    ObjectNode report = RunDirectory.JSON.createObjectNode();
    report.put("model", config.model().id()).put("dataset", config.data().name());
    report.set("config", configJson);
    report.put("seed", config.seed()).put("test_accuracy", outcome.testAccuracy());
    ArrayNode perClass = report.putArray("per_class_accuracy");
    for (double accuracy : outcome.perClassAccuracy()) {
      perClass.add(accuracy);
    }
    config.data().classNames().forEach(report.putArray("classes")::add);
    ArrayNode confusion = report.putArray("confusion_matrix");
    for (int[] row : outcome.confusion()) {
      ArrayNode counts = confusion.addArray();
      for (int count : row) {
        counts.add(count);
      }
    }
    report
        .put("final_train_loss", outcome.finalTrainLoss())
        .put("epochs", outcome.epochs())
        .put("wall_seconds", wallSeconds)
        .put("tensorflow_version", TensorFlow.version())
        .put("device", device())
        .put("cpu", cpu());
    report.set("provenance", Provenance.current().toJson());
    String commit = BuildInfo.commit();
    if (commit == null) {
      report.putNull("git_commit");
    } else {
      report.put("git_commit", commit);
    }
    return report;
  }

  /**
   * "gpu" when the CUDA build of the native library is loaded (it uses a visible GPU), else "cpu".
   */
  static String device() {
    String gpuNative = "org/tensorflow/internal/c_api/linux-x86_64-gpu/libjnitensorflow.so";
    return Report.class.getClassLoader().getResource(gpuNative) != null ? "gpu" : "cpu";
  }

  /**
   * The processor model (oneDNN picks kernels by instruction set, so results can differ across
   * CPUs).
   */
  static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip()
              + " ("
              + Runtime.getRuntime().availableProcessors()
              + " cores)";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through to the JVM's view
    }
    return System.getProperty("os.arch")
        + " ("
        + Runtime.getRuntime().availableProcessors()
        + " cores)";
  }
}
