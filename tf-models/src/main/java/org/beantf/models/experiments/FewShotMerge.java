package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.io.Folders;
import org.beantf.data.io.OutputFolder;
import org.beantf.data.io.OutputWriteException;

/**
 * {@code bean fewshot merge}: joins few-shot stores made with the same settings, typically the
 * stores of a grid's shards ({@link FewShotShard}), into one store with its table.md, the table one
 * run of the whole grid writes.
 *
 * <p>The stores are only read, so a merge is safe while shards still run: a last line cut short (a
 * run being appended, or a kill) is left out. The settings.json of every store must be the same;
 * shards must be distinct shards of one grid. A cell's draw or tuning run found in two stores is
 * kept once when the two lines agree on everything but their wall time and provenance (stores
 * started from the same committed lines hold the same line), and refused when they do not. The
 * merged store is an unsharded store (settings.json, results.jsonl, tuning.jsonl, table.md) that
 * {@code bean fewshot} can add to; it is written into a staging folder that becomes {@code --out}
 * only when complete. Shards may be missing: the table then says how many of the grid's cells have
 * all their draws.
 */
public final class FewShotMerge {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the merge wrote. */
  public record Outcome(int results, int tuning, List<String> notes) {}

  /** A store read and checked: its settings.json, and its shard.json with its plan (or nulls). */
  private record Store(Path root, JsonNode settings, JsonNode shard, FewShotGrid.Plan plan) {}

  /** One line of a store, with where it came from. */
  private record Line<K>(K key, String text, JsonNode json, Path file) {}

  private FewShotMerge() {}

  /**
   * Merges {@code stores} into {@code out}.
   *
   * @throws BadInputException naming the store and what was wrong: not a store, other settings,
   *     shards of another grid, the same shard twice, two different lines for one run
   */
  public static Outcome merge(List<Path> stores, OutputFolder out) {
    List<Store> read = new ArrayList<>();
    for (Path root : stores) {
      read.add(store(root, read));
    }
    Store first = read.get(0);
    FewShotProtocol protocol = protocol(first.root(), first.settings());
    int steps = steps(first.settings());
    FewShotOptions options = options(first.root(), first.settings());
    List<String> notes = new ArrayList<>();
    List<Line<FewShotResult.Key>> results = new ArrayList<>();
    List<Line<TuningResult.Key>> tuning = new ArrayList<>();
    for (Store store : read) {
      results.addAll(
          lines(
              store.root().resolve(FewShotStore.RESULTS),
              notes,
              j -> FewShotResult.fromJson(j).key()));
      tuning.addAll(
          lines(
              store.root().resolve(FewShotStore.TUNING),
              notes,
              j -> TuningResult.fromJson(j).key()));
    }
    List<Line<FewShotResult.Key>> mergedResults =
        distinct(results, FewShotMerge::describe, resultOrder());
    List<Line<TuningResult.Key>> mergedTuning =
        distinct(tuning, FewShotMerge::describe, tuningOrder(protocol));
    List<FewShotResult> parsed =
        mergedResults.stream().map(l -> FewShotResult.fromJson(l.json())).toList();
    String incomplete = completeness(read, parsed);
    if (!incomplete.isEmpty()) {
      notes.add(incomplete);
    }
    Path staged = out.stage();
    try {
      Files.writeString(
          staged.resolve(FewShotStore.SETTINGS),
          Files.readString(first.root().resolve(FewShotStore.SETTINGS), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      write(staged.resolve(FewShotStore.RESULTS), mergedResults);
      if (!mergedTuning.isEmpty()) {
        write(staged.resolve(FewShotStore.TUNING), mergedTuning);
      }
      Files.writeString(
          staged.resolve(FewShotStore.TABLE),
          FewShotTable.render(protocol, steps, options, parsed, incomplete),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      RuntimeException failure = OutputWriteException.of(staged, e);
      OutputFolder.discard(staged, failure);
      throw failure;
    } catch (RuntimeException e) {
      OutputFolder.discard(staged, e);
      throw e;
    }
    out.commit(staged);
    return new Outcome(mergedResults.size(), mergedTuning.size(), notes);
  }

  /** The store at {@code root}, checked against the stores read before it. */
  private static Store store(Path root, List<Store> before) {
    BasicFileAttributes folder = attributes(root);
    if (folder == null) {
      throw new BadInputException(
          root + ": no such folder (expected a few-shot store made by bean fewshot)");
    }
    if (!folder.isDirectory()) {
      throw new BadInputException(
          root + ": not a folder (expected a few-shot store made by bean fewshot)");
    }
    BasicFileAttributes settings = attributes(root.resolve(FewShotStore.SETTINGS));
    if (settings == null || !settings.isRegularFile()) {
      throw new BadInputException(
          root
              + ": not a few-shot store (no settings.json; expected a folder made by bean fewshot)");
    }
    JsonNode settingsJson = json(root.resolve(FewShotStore.SETTINGS));
    Path shardFile = root.resolve(FewShotStore.SHARD);
    JsonNode shard = attributes(shardFile) != null ? json(shardFile) : null;
    Store store =
        new Store(
            root,
            settingsJson,
            shard,
            shard == null
                ? null
                : FewShotShard.planOf(
                    shardFile,
                    shard,
                    protocol(root, settingsJson),
                    steps(settingsJson),
                    options(root, settingsJson)));
    for (Store other : before) {
      if (sameFolder(other.root(), root)) {
        throw new BadInputException(root + ": given twice (expected each store once)");
      }
      String setting = differing(other.settings(), store.settings());
      if (setting != null) {
        throw new BadInputException(
            root
                + ": made with other settings than "
                + other.root()
                + " ("
                + versus(setting, other.settings(), store.settings(), other.root(), root)
                + "; expected stores of one grid)");
      }
      if (other.shard() != null && store.shard() != null) {
        ObjectNode otherGrid = other.shard().deepCopy();
        ObjectNode grid = store.shard().deepCopy();
        otherGrid.remove("shard");
        grid.remove("shard");
        String field = differing(otherGrid, grid);
        if (field != null) {
          throw new BadInputException(
              root
                  + ": a shard of another grid than "
                  + other.root()
                  + " ("
                  + versus(field, otherGrid, grid, other.root(), root)
                  + "; expected the shards of one grid)");
        }
        if (other.plan().shard().equals(store.plan().shard())) {
          throw new BadInputException(
              root
                  + ": the same shard as "
                  + other.root()
                  + " ("
                  + store.plan().shard()
                  + "; expected each shard once)");
        }
      }
    }
    return store;
  }

  private static FewShotProtocol protocol(Path root, JsonNode settings) {
    try {
      return FewShotProtocol.parse(settings.path("protocol").asText());
    } catch (BadInputException e) {
      throw new BadInputException(
          root.resolve(FewShotStore.SETTINGS)
              + ": not a settings.json of bean fewshot (no protocol it knows)",
          e);
    }
  }

  private static FewShotOptions options(Path root, JsonNode settings) {
    try {
      return FewShotOptions.fromSettings(settings, protocol(root, settings));
    } catch (BadInputException e) {
      throw new BadInputException(
          root.resolve(FewShotStore.SETTINGS)
              + ": not a settings.json of bean fewshot ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static int steps(JsonNode settings) {
    return settings.path("steps").asInt(FewShotProtocol.STRICT_STEPS);
  }

  /**
   * The first field whose value differs between {@code a} and {@code b}, objects: one of {@code
   * b}'s, else one that {@code b} lacks; null if they are equal.
   */
  private static String differing(JsonNode a, JsonNode b) {
    String field = FewShotStore.differingField(a, b);
    return field != null ? field : FewShotStore.differingField(b, a);
  }

  /**
   * "steps: 500 in A, 100 in B"; inside objects, the differing member by its path ("grid.bean1:
   * [{"alpha":3.0}] in A, …").
   */
  private static String versus(String field, JsonNode a, JsonNode b, Path aRoot, Path bRoot) {
    JsonNode x = a.get(field);
    JsonNode y = b.get(field);
    String inner = x != null && y != null && x.isObject() && y.isObject() ? differing(x, y) : null;
    return inner != null
        ? field + "." + versus(inner, x, y, aRoot, bRoot)
        : field + ": " + shown(x) + " in " + aRoot + ", " + shown(y) + " in " + bRoot;
  }

  private static String shown(JsonNode value) {
    return value == null ? "absent" : value.toString();
  }

  private static boolean sameFolder(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      throw unreadable(b, e);
    }
  }

  /**
   * The attributes of {@code file}, or null if there is none (a file that cannot be looked at, in a
   * folder without permission, is not taken for a missing one).
   *
   * @throws BadInputException with the operating system's reason
   */
  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static BadInputException unreadable(Path file, IOException e) {
    return new BadInputException(file + ": cannot be read (" + Folders.reason(e) + ")", e);
  }

  /** The JSON object {@code file} holds. */
  private static JsonNode json(Path file) {
    String text = text(file);
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new BadInputException(
          file + ": not a file of bean fewshot (" + e.getMessage() + ")", e);
    }
    if (!json.isObject()) {
      throw new BadInputException(
          file + ": not a file of bean fewshot (expected a JSON object, as bean fewshot writes)");
    }
    return json;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * The complete lines of {@code file} (none if it is absent); a last line without its newline is
   * left out, with a note.
   */
  private static <K> List<Line<K>> lines(Path file, List<String> notes, Function<JsonNode, K> key) {
    List<Line<K>> lines = new ArrayList<>();
    if (attributes(file) == null) {
      return lines;
    }
    String text = text(file);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      notes.add(
          file + " ends in a line cut short (a run being written, or a kill): it is left out");
      text = text.substring(0, text.lastIndexOf('\n') + 1);
    }
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode json = JSON.readTree(line);
        lines.add(new Line<>(key.apply(json), line, json, file));
      } catch (IOException | RuntimeException e) {
        throw new BadInputException(
            file + ": line " + number + " is not a line of bean fewshot (" + e.getMessage() + ")",
            e);
      }
    }
    return lines;
  }

  /**
   * One line per key, in {@code order}; two lines of one key must agree on all but their wall time
   * and provenance.
   */
  private static <K> List<Line<K>> distinct(
      List<Line<K>> lines, Function<K, String> describe, Comparator<K> order) {
    Map<K, Line<K>> kept = new LinkedHashMap<>();
    for (Line<K> line : lines) {
      Line<K> earlier = kept.putIfAbsent(line.key(), line);
      if (earlier == null) {
        continue;
      }
      JsonNode was = comparable(earlier.json());
      JsonNode now = comparable(line.json());
      String field = differing(was, now);
      if (field != null) {
        throw new BadInputException(
            line.file()
                + ": "
                + describe.apply(line.key())
                + " differs from its line in "
                + earlier.file()
                + " ("
                + versus(field, was, now, earlier.file(), line.file())
                + "; expected one result per run, as one kernel path gives)");
      }
    }
    return kept.values().stream().sorted(Comparator.comparing(Line::key, order)).toList();
  }

  /** A line without its wall time and provenance: what two runs of one cell must agree on. */
  private static JsonNode comparable(JsonNode line) {
    ObjectNode copy = line.deepCopy();
    copy.remove(List.of("seconds", "provenance"));
    return copy;
  }

  private static String describe(FewShotResult.Key key) {
    return key.dataset() + " " + key.shots() + "-shot " + key.method() + " draw " + key.draw();
  }

  private static String describe(TuningResult.Key key) {
    return key.dataset()
        + " "
        + key.shots()
        + "-shot "
        + key.method()
        + " "
        + key.hyperparameters()
        + " tuning draw "
        + key.tuningDraw();
  }

  /** results.jsonl in the table's order: dataset, shots, method, draw. */
  private static Comparator<FewShotResult.Key> resultOrder() {
    return Comparator.comparingInt((FewShotResult.Key k) -> DatasetId.parse(k.dataset()).ordinal())
        .thenComparingInt(FewShotResult.Key::shots)
        .thenComparingInt(k -> FewShotMethod.parse(k.method()).ordinal())
        .thenComparingInt(FewShotResult.Key::draw);
  }

  /** tuning.jsonl in the order the grid runs it: a cell's settings in turn, each on every draw. */
  private static Comparator<TuningResult.Key> tuningOrder(FewShotProtocol protocol) {
    return Comparator.comparingInt((TuningResult.Key k) -> DatasetId.parse(k.dataset()).ordinal())
        .thenComparingInt(TuningResult.Key::shots)
        .thenComparingInt(k -> FewShotMethod.parse(k.method()).ordinal())
        .thenComparingInt(
            k -> FewShotMethod.parse(k.method()).grid(protocol).indexOf(k.hyperparameters()))
        .thenComparingInt(TuningResult.Key::tuningDraw);
  }

  /**
   * "" when every cell of the shards' grid has all its draws (or no store is a shard's), else a
   * note saying how many do and which shards were merged.
   */
  private static String completeness(List<Store> stores, List<FewShotResult> results) {
    FewShotGrid.Plan plan =
        stores.stream().map(Store::plan).filter(Objects::nonNull).findFirst().orElse(null);
    if (plan == null) {
      return "";
    }
    Set<FewShotResult.Key> present =
        results.stream().map(FewShotResult::key).collect(Collectors.toSet());
    List<FewShotGrid.Cell> cells = plan.cells();
    long complete =
        cells.stream()
            .filter(
                c ->
                    plan.draws().stream()
                        .allMatch(
                            d ->
                                present.contains(
                                    new FewShotResult.Key(
                                        c.dataset().cliName(),
                                        c.shots(),
                                        c.method().cliName(),
                                        d))))
            .count();
    if (complete == cells.size()) {
      return "";
    }
    TreeSet<Integer> merged = new TreeSet<>();
    stores.stream()
        .filter(s -> s.plan() != null)
        .forEach(s -> merged.add(s.plan().shard().index()));
    return "Incomplete: "
        + complete
        + " of the grid's "
        + cells.size()
        + " cells have all their draws (merged shard"
        + (merged.size() > 1 ? "s " : " ")
        + merged.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + " of "
        + plan.shard().count()
        + ").";
  }

  private static <K> void write(Path file, List<Line<K>> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l.text()).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
