package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.Folders;
import org.beantf.data.io.OutputWriteException;
import org.beantf.models.Provenance;

/**
 * The folder of a few-shot experiment: settings.json (protocol and grid, fixed at creation),
 * results.jsonl and tuning.jsonl (one line per finished run, appended whole and synced), table.md
 * (rewritten whole after each line). Later runs with the same settings add to it; a line cut short
 * by a kill is dropped when the store is opened. The store of a {@link FewShotShard} also holds
 * shard.json (the shard and its grid, fixed at its first run): only that shard of that grid runs
 * into it again. settings.json is the same for every shard of a grid and for an unsharded run.
 */
public final class FewShotStore {
  /** This process's provenance, recorded on every line it appends. */
  private static final Provenance PROVENANCE = Provenance.current();

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SETTINGS = "settings.json";
  static final String RESULTS = "results.jsonl";
  static final String TUNING = "tuning.jsonl";
  static final String TABLE = "table.md";
  static final String SHARD = "shard.json";

  private final Path root;

  private FewShotStore(Path root) {
    this.root = root;
  }

  /**
   * Opens the store at {@code root} for an experiment with {@code settings}, creating it if absent
   * or empty.
   *
   * @throws BadInputException if the folder holds something else, or a store made with other
   *     settings
   */
  public static FewShotStore open(Path root, ObjectNode settings) {
    return open(root, settings, null);
  }

  /**
   * Opens the store at {@code root} as {@link #open(Path, ObjectNode)} does, for the shard {@code
   * shard} describes ({@link FewShotShard#toJson}), or for the whole grid if null. A store that has
   * lines but neither shard.json nor table.md (one started from the lines of another, as
   * scripts/fewshot-grid.sh starts a shard's store) becomes the shard's; a store a run of the whole
   * grid wrote into (table.md without shard.json) stays that run's.
   *
   * @throws BadInputException also for the store of another shard or grid, for a shard's store
   *     opened for the whole grid, and for an unsharded run's store opened for a shard
   */
  public static FewShotStore open(Path root, ObjectNode settings, ObjectNode shard) {
    FewShotStore store = openSettings(root, settings);
    Path file = root.resolve(SHARD);
    try {
      if (Files.exists(file)) {
        JsonNode previous = JSON.readTree(file.toFile());
        if (shard == null) {
          throw new InvalidSettingException(
              "out",
              root,
              "the store of shard "
                  + previous.get("shard")
                  + "/"
                  + previous.get("shards")
                  + " of a grid (expected --shard with that shard and grid, or another --out)");
        }
        JsonNode now = JSON.readTree(JSON.writeValueAsString(shard));
        if (!previous.equals(now)) {
          throw new InvalidSettingException(
              "out",
              root,
              "the store of another shard or grid ("
                  + difference(previous, now)
                  + "; expected the same --shard and grid, or another --out)");
        }
      } else if (shard != null) {
        if (Files.exists(root.resolve(TABLE))) {
          throw new InvalidSettingException(
              "out",
              root,
              "the store of an unsharded run of a grid (expected no --shard, or another --out)");
        }
        Folders.writeAtomically(
            file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shard) + "\n");
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the few-shot store " + root, e);
    }
  }

  private static FewShotStore openSettings(Path root, ObjectNode settings) {
    Path file = root.resolve(SETTINGS);
    try {
      if (!Files.exists(file)) {
        Folders.requireAbsentOrEmpty("out", root, ", or a few-shot store made by bean fewshot");
        Folders.writeAtomically(
            file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(settings) + "\n");
        return new FewShotStore(root);
      }
      JsonNode previous = JSON.readTree(file.toFile());
      JsonNode now = JSON.readTree(JSON.writeValueAsString(settings));
      if (!previous.equals(now)) {
        throw new InvalidSettingException(
            "out",
            root,
            "a store made with other settings ("
                + difference(previous, now)
                + "; expected the same protocol and grid, or another --out)");
      }
      FewShotStore store = new FewShotStore(root);
      store.dropCutLine(RESULTS);
      store.dropCutLine(TUNING);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the few-shot store " + root, e);
    }
  }

  /**
   * The kernel paths of the lines already in the store other than this process's: a store resumed
   * on another CPU or kernel set says so once (its cells are not bit-identical across them).
   */
  public List<String> otherKernelPaths() {
    List<String> others = new ArrayList<>();
    for (String name : List.of(RESULTS, TUNING)) {
      for (JsonNode line : read(name, node -> node)) {
        Provenance p = Provenance.fromJson(line.get("provenance"));
        String path = p == null ? "unrecorded" : p.describe();
        if (!path.equals(PROVENANCE.describe()) && !others.contains(path)) {
          others.add(path);
        }
      }
    }
    return others;
  }

  public Path root() {
    return root;
  }

  public List<FewShotResult> results() {
    return read(RESULTS, FewShotResult::fromJson);
  }

  public List<TuningResult> tuning() {
    return read(TUNING, TuningResult::fromJson);
  }

  public void append(FewShotResult result) {
    appendLine(RESULTS, result.toJson());
  }

  public void append(TuningResult result) {
    appendLine(TUNING, result.toJson());
  }

  /** Replaces table.md whole. */
  public void writeTable(String markdown) {
    try {
      Folders.writeAtomically(root.resolve(TABLE), markdown);
    } catch (IOException e) {
      throw OutputWriteException.of(root.resolve(TABLE), e);
    }
  }

  /** Appends {@code line} with this process's provenance (not a setting: a store may mix them). */
  private void appendLine(String name, ObjectNode line) {
    line.set("provenance", PROVENANCE.toJson());
    try {
      Files.writeString(
          root.resolve(name),
          JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.DSYNC);
    } catch (IOException e) {
      throw OutputWriteException.of(root.resolve(name), e);
    }
  }

  private <T> List<T> read(String name, Function<JsonNode, T> parser) {
    Path file = root.resolve(name);
    List<T> lines = new ArrayList<>();
    if (!Files.exists(file)) {
      return lines;
    }
    try (Stream<String> text = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) text::iterator) {
        if (!line.isBlank()) {
          lines.add(parser.apply(JSON.readTree(line)));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(
          file + ": not a results file of bean fewshot (" + e.getMessage() + ")", e);
    }
    return lines;
  }

  /**
   * A kill during an append can leave a last line without its newline: it is dropped (and rerun).
   */
  private void dropCutLine(String name) throws IOException {
    Path file = root.resolve(name);
    if (!Files.exists(file)) {
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      Folders.writeAtomically(file, text.substring(0, text.lastIndexOf('\n') + 1));
    }
  }

  /**
   * The first setting that differs, as "name: was X, now Y" (absent where one lacks it); inside
   * objects, the differing member by its path ("grid.bean1: was [{"alpha":3.0}], now …").
   */
  private static String difference(JsonNode previous, JsonNode now) {
    String name = differingField(previous, now);
    if (name == null) {
      name = differingField(now, previous);
    }
    if (name == null) {
      return "settings.json has other fields";
    }
    JsonNode was = previous.get(name);
    JsonNode is = now.get(name);
    if (was != null && is != null && was.isObject() && is.isObject()) {
      return name + "." + difference(was, is);
    }
    return name + ": was " + shown(was) + ", now " + shown(is);
  }

  private static String shown(JsonNode value) {
    return value == null ? "absent" : value.toString();
  }

  /** The first field of {@code now} whose value differs in {@code previous}, or null. */
  static String differingField(JsonNode previous, JsonNode now) {
    Iterator<String> names = now.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!now.get(name).equals(previous.get(name))) {
        return name;
      }
    }
    return null;
  }
}
