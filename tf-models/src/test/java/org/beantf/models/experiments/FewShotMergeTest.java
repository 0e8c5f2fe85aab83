package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean fewshot merge on stores filled by hand as the shards of a small grid would fill them: the
 * merged table is the table of all the lines, and what cannot be merged is refused before anything
 * is written.
 */
class FewShotMergeTest {
  @TempDir Path dir;

  /** mnist 1-shot, draws 0 and 1 of vanilla, l2 (tuned), knn and kernel-ridge: one per shard. */
  private static final FewShotGrid.Plan GRID =
      new FewShotGrid.Plan(
          FewShotProtocol.STRICT,
          List.of(DatasetId.MNIST),
          List.of(1),
          List.of(0, 1),
          FewShotMethod.parseList("vanilla,l2,knn,kernel-ridge"),
          10,
          null);

  private static FewShotGrid.Plan shard(int k, int n) {
    return new FewShotGrid.Plan(
        GRID.protocol(),
        GRID.datasets(),
        GRID.shots(),
        GRID.draws(),
        GRID.methods(),
        GRID.steps(),
        new FewShotShard(k, n));
  }

  private static FewShotResult result(FewShotGrid.Cell cell, int draw) {
    Hyperparameters setting = cell.method().grid(FewShotProtocol.STRICT).get(0);
    return new FewShotResult(
        cell.dataset().cliName(),
        cell.shots(),
        cell.method().cliName(),
        draw,
        "strict",
        setting,
        cell.method().isNetwork() ? 0.3 : null,
        0.2 + 0.1 * cell.method().ordinal() + 0.01 * draw,
        cell.method().isNetwork() ? 10 : 0,
        1.5);
  }

  /** The store of shard k/n with the lines of its cells, as bean fewshot --shard k/n writes it. */
  private Path shardStore(int k, int n) {
    FewShotGrid.Plan plan = shard(k, n);
    Path root = dir.resolve("shard-" + k);
    FewShotStore store =
        FewShotStore.open(
            root, FewShotGrid.settings(FewShotProtocol.STRICT, 10), plan.shard().toJson(plan));
    for (FewShotGrid.Cell cell : plan.cells()) {
      if (!plan.shard().cells(plan).contains(cell)) {
        continue;
      }
      List<Hyperparameters> grid = cell.method().grid(FewShotProtocol.STRICT);
      for (int t = 0; grid.size() > 1 && t < FewShotGrid.TUNING_DRAWS; t++) {
        for (Hyperparameters setting : grid) {
          store.append(
              new TuningResult(
                  cell.dataset().cliName(),
                  cell.shots(),
                  cell.method().cliName(),
                  setting,
                  t,
                  0.4,
                  10,
                  1.0));
        }
      }
      for (int draw : plan.draws()) {
        store.append(result(cell, draw));
      }
    }
    return root;
  }

  private List<Path> shards(int n) {
    List<Path> stores = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      stores.add(shardStore(k, n));
    }
    return stores;
  }

  private FewShotMerge.Outcome merge(List<Path> stores) {
    return FewShotMerge.merge(stores, OutputFolder.of(dir.resolve("merged")));
  }

  private static List<FewShotResult> all() {
    List<FewShotResult> results = new ArrayList<>();
    for (FewShotGrid.Cell cell : GRID.cells()) {
      for (int draw : GRID.draws()) {
        results.add(result(cell, draw));
      }
    }
    return results;
  }

  @Test
  void fourShardsMergeToTheTableOfTheWholeGrid() throws Exception {
    List<Path> stores = shards(4);
    for (Path store : stores) {
      assertEquals(2, Files.readAllLines(store.resolve("results.jsonl")).size(), store.toString());
    }
    FewShotMerge.Outcome outcome =
        merge(List.of(stores.get(2), stores.get(0), stores.get(3), stores.get(1)));
    assertEquals(List.of(), outcome.notes());
    assertEquals(8, outcome.results());
    assertEquals(9, outcome.tuning());
    Path merged = dir.resolve("merged");
    assertEquals(
        FewShotTable.render(FewShotProtocol.STRICT, 10, all(), ""),
        Files.readString(merged.resolve("table.md")));
    FewShotStore reopened =
        FewShotStore.open(merged, FewShotGrid.settings(FewShotProtocol.STRICT, 10));
    assertEquals(all(), reopened.results());
    assertEquals(9, reopened.tuning().size());
    assertFalse(Files.exists(merged.resolve("shard.json")), "the merged store is unsharded");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(5, siblings.count(), "no staging folder left");
    }
  }

  @Test
  void missingShardsAreNamedInTheTable() throws Exception {
    List<Path> stores = shards(4);
    FewShotMerge.Outcome outcome = merge(List.of(stores.get(1), stores.get(3)));
    String note =
        "Incomplete: 2 of the grid's 4 cells have all their draws (merged shards 1, 3 of 4).";
    assertEquals(List.of(note), outcome.notes());
    assertTrue(Files.readString(dir.resolve("merged/table.md")).contains("\n\n" + note + "\n\n"));
  }

  @Test
  void aLineStillBeingWrittenIsLeftOutAndTheStoreIsNotTouched() throws Exception {
    List<Path> stores = shards(2);
    Path results = stores.get(1).resolve("results.jsonl");
    Files.writeString(results, "{\"dataset\":\"mni", StandardOpenOption.APPEND);
    String before = Files.readString(results);
    FewShotMerge.Outcome outcome = merge(stores);
    assertEquals(8, outcome.results());
    assertEquals(
        List.of(
            results + " ends in a line cut short (a run being written, or a kill): it is left out"),
        outcome.notes());
    assertEquals(before, Files.readString(results));
  }

  @Test
  void anAgreeingLineInTwoStoresIsKeptOnceAndADifferentOneIsRefused() throws Exception {
    List<Path> stores = shards(2);
    Path results = stores.get(1).resolve("results.jsonl");
    String line = Files.readAllLines(stores.get(0).resolve("results.jsonl")).get(0);
    // the same run with another wall time: one result
    Files.writeString(
        results,
        line.replaceFirst("\"seconds\":1.5", "\"seconds\":9.25") + "\n",
        StandardOpenOption.APPEND);
    assertEquals(8, merge(stores).results());
    Files.writeString(
        results,
        line.replaceFirst("\"test_accuracy\":[0-9.]+", "\"test_accuracy\":0.99") + "\n",
        StandardOpenOption.APPEND);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> FewShotMerge.merge(stores, OutputFolder.of(dir.resolve("again"))));
    assertTrue(
        e.getMessage().startsWith(results + ": mnist 1-shot l2 draw 0 differs from its line in "),
        e.getMessage());
    assertTrue(e.getMessage().contains("(test_accuracy: "), e.getMessage());
    assertTrue(e.getMessage().contains(", 0.99 in " + results), e.getMessage());
    assertFalse(Files.exists(dir.resolve("again")));
  }

  @Test
  void storesMadeWithOtherSettingsAreRefusedNamingTheSetting() throws Exception {
    Path a = shardStore(0, 2);
    Path b = dir.resolve("steps-100");
    FewShotStore.open(b, FewShotGrid.settings(FewShotProtocol.STRICT, 100));
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        b
            + ": made with other settings than "
            + a
            + " (steps: 10 in "
            + a
            + ", 100 in "
            + b
            + "; expected stores of one grid)",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("merged")));

    Path authors = dir.resolve("authors");
    FewShotStore.open(authors, FewShotGrid.settings(FewShotProtocol.AUTHORS, 10));
    Path older = Files.createDirectories(dir.resolve("older-grid"));
    // the authors' grid of an earlier build, BEAN-1 at alpha = 100 (docs/results/fewshot)
    Files.writeString(
        older.resolve("settings.json"),
        Files.readString(authors.resolve("settings.json"))
            .replaceFirst("(\"bean1\" : \\[ \\{\\s*\"alpha\" : )3.0", "$1100.0"));
    e = assertThrows(BadInputException.class, () -> merge(List.of(authors, older)));
    assertTrue(
        e.getMessage()
            .contains("(grid.bean1: [{\"alpha\":3.0}] in " + authors + ", [{\"alpha\":100.0}] in "),
        e.getMessage());
  }

  @Test
  void shardsOfAnotherGridOrCountOrTheSameShardTwiceAreRefused() {
    Path a = shardStore(0, 2);
    FewShotGrid.Plan other =
        new FewShotGrid.Plan(
            GRID.protocol(),
            GRID.datasets(),
            GRID.shots(),
            List.of(0, 1, 2),
            GRID.methods(),
            GRID.steps(),
            new FewShotShard(1, 2));
    Path b = dir.resolve("other-draws");
    FewShotStore.open(
        b, FewShotGrid.settings(FewShotProtocol.STRICT, 10), other.shard().toJson(other));
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        b
            + ": a shard of another grid than "
            + a
            + " (draws: [0,1] in "
            + a
            + ", [0,1,2] in "
            + b
            + "; expected the shards of one grid)",
        e.getMessage());

    Path c = dir.resolve("of-four");
    FewShotGrid.Plan four = shard(1, 4);
    FewShotStore.open(
        c, FewShotGrid.settings(FewShotProtocol.STRICT, 10), four.shard().toJson(four));
    e = assertThrows(BadInputException.class, () -> merge(List.of(a, c)));
    assertTrue(e.getMessage().contains("(shards: 2 in " + a + ", 4 in " + c), e.getMessage());

    Path d = dir.resolve("zero-again");
    FewShotGrid.Plan zero = shard(0, 2);
    FewShotStore.open(
        d, FewShotGrid.settings(FewShotProtocol.STRICT, 10), zero.shard().toJson(zero));
    e = assertThrows(BadInputException.class, () -> merge(List.of(a, d)));
    assertEquals(
        d + ": the same shard as " + a + " (0/2; expected each shard once)", e.getMessage());

    e = assertThrows(BadInputException.class, () -> merge(List.of(a, a)));
    assertEquals(a + ": given twice (expected each store once)", e.getMessage());
  }

  /** Rewrites {@code file}, a JSON object, with {@code edit} applied. */
  private static void edit(Path file, Consumer<ObjectNode> edit) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = (ObjectNode) json.readTree(file.toFile());
    edit.accept(node);
    Files.writeString(file, json.writeValueAsString(node));
  }

  @Test
  void aShardJsonIsCheckedAndWhatIsWrongNamed() throws Exception {
    Path a = shardStore(0, 2);
    Path b = shardStore(1, 2);
    Path shard = b.resolve("shard.json");
    String written = Files.readString(shard);
    edit(shard, json -> json.put("shard", 5));
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        shard
            + ": not a shard.json of bean fewshot (shard 5 of 2; expected 0 <= shard < shards <="
            + " 999999)",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("merged")));

    Files.writeString(shard, written);
    edit(shard, json -> json.remove("draws"));
    e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        shard
            + ": not a shard.json of bean fewshot (it lacks \"draws\"; expected shard, shards,"
            + " datasets, shots, draws, methods)",
        e.getMessage());
    e = assertThrows(BadInputException.class, () -> merge(List.of(b, a)));
    assertTrue(e.getMessage().startsWith(shard + ": "), "checked when given first too");

    Files.writeString(shard, written);
    edit(shard, json -> json.putArray("shots").add("one"));
    e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        shard
            + ": not a shard.json of bean fewshot (\"shots\": \"one\"; expected a whole number"
            + " >= 0)",
        e.getMessage());
  }

  @Test
  void aLineLackingAFieldIsRefusedNamingTheField() throws Exception {
    Path a = shardStore(0, 2);
    Path results = a.resolve("results.jsonl");
    String line = Files.readAllLines(results).get(0);
    Files.writeString(
        results,
        line.replaceFirst(",\"test_accuracy\":[0-9.]+", "") + "\n",
        StandardOpenOption.APPEND);
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a)));
    assertEquals(
        results + ": line 3 is not a line of bean fewshot (it lacks \"test_accuracy\")",
        e.getMessage());

    Path b = shardStore(1, 2);
    Path tuning = b.resolve("tuning.jsonl");
    Files.writeString(tuning, "{\"dataset\":\"mnist\",\"shots\":1}\n");
    e = assertThrows(BadInputException.class, () -> merge(List.of(b)));
    assertEquals(
        tuning + ": line 1 is not a line of bean fewshot (it lacks \"method\")", e.getMessage());
  }

  @Test
  void aSettingOneStoreLacksIsNamed() throws Exception {
    Path a = shardStore(0, 2);
    Path b = shardStore(1, 2);
    edit(b.resolve("settings.json"), json -> json.remove("tuning_draws"));
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(
        b
            + ": made with other settings than "
            + a
            + " (tuning_draws: 3 in "
            + a
            + ", absent in "
            + b
            + "; expected stores of one grid)",
        e.getMessage());
  }

  @Test
  void aMissingStoreOrAFolderThatIsNoStoreIsRefused() throws Exception {
    Path a = shardStore(0, 2);
    Path missing = dir.resolve("missing");
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, missing)));
    assertEquals(
        missing + ": no such folder (expected a few-shot store made by bean fewshot)",
        e.getMessage());
    Path notes = Files.createDirectories(dir.resolve("notes"));
    e = assertThrows(BadInputException.class, () -> merge(List.of(a, notes)));
    assertEquals(
        notes + ": not a few-shot store (no settings.json; expected a folder made by bean fewshot)",
        e.getMessage());
  }

  @Test
  void aFileGivenAsAStoreIsNotAFolder() throws Exception {
    Path a = shardStore(0, 2);
    Path file = Files.writeString(dir.resolve("table.md"), "x");
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, file)));
    assertEquals(
        file + ": not a folder (expected a few-shot store made by bean fewshot)", e.getMessage());
  }

  @Test
  void aStoreFileThatCannotBeReadGivesTheOperatingSystemsReason() throws Exception {
    Path a = shardStore(0, 2);
    Path b = shardStore(1, 2);
    Path results = b.resolve("results.jsonl");
    Files.delete(results);
    Files.createDirectory(results);
    BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a, b)));
    assertEquals(results + ": cannot be read (Is a directory)", e.getMessage());

    // a settings.json that exists but cannot be looked at is not reported missing
    Path settings = a.resolve("settings.json");
    Files.delete(settings);
    Files.createSymbolicLink(settings, settings.getFileName());
    e = assertThrows(BadInputException.class, () -> merge(List.of(a)));
    assertTrue(
        e.getMessage().startsWith(settings + ": cannot be read (Too many levels of symbolic links"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("merged")));
  }

  @Test
  void aStoreWithoutPermissionGivesTheOperatingSystemsReason() throws Exception {
    Path a = shardStore(0, 2);
    Path results = a.resolve("results.jsonl");
    Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("-w-------"));
    Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
    try {
      assumeFalse(Files.isReadable(results), "root reads without permission");
      BadInputException e = assertThrows(BadInputException.class, () -> merge(List.of(a)));
      assertEquals(
          a.resolve("settings.json") + ": cannot be read (Permission denied)", e.getMessage());
      Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwx------"));
      e = assertThrows(BadInputException.class, () -> merge(List.of(a)));
      assertEquals(results + ": cannot be read (Permission denied)", e.getMessage());
    } finally {
      Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aNonEmptyOutIsRefusedBeforeAnythingIsRead() throws Exception {
    Files.createDirectories(dir.resolve("merged"));
    Files.writeString(dir.resolve("merged/mine.txt"), "mine");
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> OutputFolder.of(dir.resolve("merged")));
    assertEquals("out", e.parameter());
  }

  @Test
  void theStoresOfOldRunsMergeToo() throws Exception {
    // a store of an unsharded run (as the committed ones are: no shard.json) with a shard's lines
    Path whole = dir.resolve("whole");
    FewShotStore store = FewShotStore.open(whole, FewShotGrid.settings(FewShotProtocol.STRICT, 10));
    all().forEach(store::append);
    Path shard = shardStore(1, 2);
    FewShotMerge.Outcome outcome = merge(List.of(whole, shard));
    assertEquals(List.of(), outcome.notes());
    assertEquals(8, outcome.results());
    assertEquals(
        FewShotTable.render(FewShotProtocol.STRICT, 10, all(), ""),
        Files.readString(dir.resolve("merged/table.md")));
  }
}
