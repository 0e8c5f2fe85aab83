package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.Folders;
import org.beantf.data.io.OutputWriteException;
import org.beantf.models.Provenance;

/**
 * The files of a run directory (DESIGN.md "Run directory"): config.json, classes.json,
 * metrics.jsonl, checkpoint/, report.json and layers/. Every file is written whole to a temporary
 * name and renamed; a checkpoint is a folder swapped in whole, so a run killed at any moment
 * resumes from its last complete epoch.
 */
public final class RunDirectory {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Checks {@code --out} for a new run: absent or an empty folder. */
  public static RunDirectory forNewRun(Path root) {
    Folders.requireAbsentOrEmpty("out", root, ", or --resume to continue the run in it");
    return new RunDirectory(root);
  }

  /** Checks {@code --out} for {@code --resume}: a run directory made with {@code config}. */
  public static RunDirectory forResume(Path root, JsonNode config) {
    Path saved = root.resolve("config.json");
    if (!Files.isRegularFile(saved)) {
      throw new InvalidSettingException(
          "out", root, "no config.json (expected a run directory to --resume)");
    }
    // read back through the configuration, so that a regularizer registered since the run was made
    // (whose
    // settings the file lacks) takes its defaults instead of making the run look different
    JsonNode previous = canonical(ConfigJson.of(ConfigJson.parse(read(saved), saved)));
    config = canonical(config);
    if (!previous.equals(config)) {
      throw new InvalidSettingException(
          "resume",
          root,
          "the run was made with another configuration (" + difference(previous, config) + ")");
    }
    return new RunDirectory(root);
  }

  /**
   * {@code node} as it reads back from a file, so 1 (long) equals 1 (int) and 5e-4 equals 5.0E-4.
   */
  private static JsonNode canonical(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first setting that differs, as "--flag: was X, now Y". */
  private static String difference(JsonNode previous, JsonNode now) {
    List<String> names = new ArrayList<>();
    previous.fieldNames().forEachRemaining(names::add);
    now.fieldNames()
        .forEachRemaining(
            n -> {
              if (!names.contains(n)) {
                names.add(n);
              }
            });
    for (String name : names) {
      JsonNode a = previous.get(name);
      JsonNode b = now.get(name);
      if (a == null || !a.equals(b)) {
        return name + ": was " + a + ", now " + b;
      }
    }
    return "no field differs";
  }

  /**
   * Deletes what a new run wrote when it failed before its first checkpoint was complete (a full
   * disk, a model that does not fit): nothing to resume from, so nothing is left behind. A run with
   * a complete checkpoint is kept, to be resumed.
   *
   * @param failure gets a failure to delete as suppressed
   */
  public void discardIfUnstarted(boolean createdRoot, RuntimeException failure) {
    if (Files.isRegularFile(checkpoint().resolve("state.json"))) {
      return;
    }
    try {
      if (createdRoot) {
        Folders.deleteRecursively(root);
      } else {
        try (var entries = Files.list(root)) {
          for (Path entry : entries.toList()) {
            Folders.deleteRecursively(entry);
          }
        }
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * The provenance config.json records (where the run started), or null for a run made before it
   * was recorded.
   */
  public Provenance provenance() {
    Path file = root.resolve("config.json");
    return Files.isRegularFile(file) ? Provenance.fromJson(read(file).get("provenance")) : null;
  }

  /** Writes config.json (a new run). */
  public void writeConfig(JsonNode config) {
    writeJson(root.resolve("config.json"), config);
  }

  /** Writes classes.json: the class names, in label order (a new run). */
  public void writeClasses(List<String> names) {
    ArrayNode array = JSON.createArrayNode();
    names.forEach(array::add);
    writeJson(root.resolve("classes.json"), array);
  }

  /** Appends one epoch to metrics.jsonl. */
  public void appendMetrics(EpochMetrics metrics) {
    ObjectNode line =
        JSON.createObjectNode()
            .put("epoch", metrics.epoch())
            .put("train_loss", metrics.trainLoss())
            .put("train_ce", metrics.trainCe())
            .put("train_reg", metrics.trainReg())
            .put("train_accuracy", metrics.trainAccuracy());
    if (metrics.validationAccuracy() == null) {
      line.putNull("val_accuracy");
    } else {
      line.put("val_accuracy", metrics.validationAccuracy());
    }
    line.put("test_accuracy", metrics.testAccuracy()).put("seconds", metrics.seconds());
    try {
      Files.writeString(
          root.resolve("metrics.jsonl"),
          JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(finite(line))
              + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw OutputWriteException.of(root.resolve("metrics.jsonl"), e);
    }
  }

  /**
   * Keeps the first {@code epochs} lines of metrics.jsonl: those of the epochs the checkpoint
   * holds.
   */
  public List<EpochMetrics> truncateMetrics(int epochs) {
    Path file = root.resolve("metrics.jsonl");
    List<EpochMetrics> kept = new ArrayList<>();
    if (!Files.exists(file)) {
      return kept;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> keep = lines.subList(0, Math.min(epochs, lines.size()));
      for (String line : keep) {
        JsonNode n = JSON.readTree(line);
        kept.add(
            new EpochMetrics(
                n.get("epoch").asInt(),
                n.get("train_loss").asDouble(),
                n.get("train_ce").asDouble(),
                n.get("train_reg").asDouble(),
                n.get("train_accuracy").asDouble(),
                n.get("val_accuracy").isNull() ? null : n.get("val_accuracy").asDouble(),
                n.get("test_accuracy").asDouble(),
                n.get("seconds").asDouble()));
      }
      Folders.writeAtomically(file, String.join("", keep.stream().map(l -> l + "\n").toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return kept;
  }

  /** The checkpoint folder. */
  public Path checkpoint() {
    return root.resolve("checkpoint");
  }

  /**
   * The checkpoint of the model a run keeps: the best-validation one if the run had a validation
   * split.
   */
  public Path keptCheckpoint() {
    return Files.isRegularFile(bestCheckpoint().resolve("state.json"))
        ? bestCheckpoint()
        : checkpoint();
  }

  /** The run's configuration, from config.json. */
  public TrainConfig config() {
    Path file = root.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new InvalidSettingException(
          "run", root, "no config.json (expected a run directory of bean train)");
    }
    return ConfigJson.parse(read(file), file);
  }

  /** The best-validation checkpoint folder (model selection). */
  public Path bestCheckpoint() {
    return root.resolve("checkpoint-best");
  }

  /**
   * Replaces {@code target} with a checkpoint that {@code writer} writes into a fresh folder, plus
   * its state.json.
   */
  public void swapCheckpoint(Path target, CheckpointWriter writer, JsonNode state) {
    Path fresh = target.resolveSibling(target.getFileName() + ".new");
    Path old = target.resolveSibling(target.getFileName() + ".old");
    try {
      Folders.deleteRecursively(fresh);
      Files.createDirectories(fresh);
      try {
        writer.write(fresh.resolve("variables").toString());
        writeJson(fresh.resolve("state.json"), state);
      } catch (RuntimeException e) {
        // TensorFlow's saver on a full disk: its message names a temporary file, not the reason
        Folders.deleteRecursively(fresh);
        throw OutputWriteException.of(target, e);
      }
      Folders.deleteRecursively(old);
      if (Files.exists(target)) {
        Files.move(target, old);
      }
      Files.move(fresh, target);
      Folders.deleteRecursively(old);
    } catch (IOException e) {
      throw OutputWriteException.of(target, e);
    }
  }

  /**
   * Whether the run has a complete last checkpoint to resume from (also when a kill interrupted its
   * swap, which {@link #checkpointState} recovers).
   */
  public boolean hasCheckpoint() {
    Path old = checkpoint().resolveSibling(checkpoint().getFileName() + ".old");
    return Files.isRegularFile(checkpoint().resolve("state.json"))
        || (!Files.exists(checkpoint()) && Files.isRegularFile(old.resolve("state.json")));
  }

  /** The state.json of checkpoint folder {@code folder}, recovering an interrupted swap. */
  public JsonNode checkpointState(Path folder) {
    Path old = folder.resolveSibling(folder.getFileName() + ".old");
    if (!Files.exists(folder) && Files.exists(old)) {
      try {
        Files.move(old, folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot recover " + old, e);
      }
    }
    Path state = folder.resolve("state.json");
    if (!Files.isRegularFile(state)) {
      throw new InvalidSettingException(
          "resume", root, "no complete checkpoint (expected " + state + ")");
    }
    return read(state);
  }

  /** Writes report.json. */
  public void writeReport(JsonNode report) {
    writeJson(root.resolve("report.json"), report);
  }

  /** Where a BEAN layer's .npy files go. */
  public Path layer(String name) {
    return root.resolve("layers").resolve(name);
  }

  /** Writes a checkpoint's variables to a path prefix. */
  @FunctionalInterface
  public interface CheckpointWriter {
    void write(String prefix);
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(
          file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private static void writeJson(Path file, JsonNode node) {
    try {
      Folders.writeAtomically(file, JSON.writeValueAsString(finite(node)) + "\n");
    } catch (IOException e) {
      throw OutputWriteException.of(file, e);
    }
  }

  /** JSON never holds NaN or Infinity (DESIGN.md): they become null. */
  static JsonNode finite(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object
          .fieldNames()
          .forEachRemaining(
              name -> {
                JsonNode value = object.get(name);
                if (value.isNumber() && !Double.isFinite(value.asDouble())) {
                  object.putNull(name);
                } else {
                  finite(value);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = node.get(i);
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, JSON.nullNode());
        } else {
          finite(value);
        }
      }
    }
    return node;
  }
}
