package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.nn.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FewShotStoreTest {
  @TempDir Path dir;

  private static FewShotResult result(int draw, double test) {
    return new FewShotResult(
        "mnist", 1, "bean1", draw, "strict", Hyperparameters.of("alpha", 1000), 0.5, test, 40, 1.5);
  }

  @Test
  void everyLineRecordsItsProvenanceAndAStoreFromElsewhereIsNamed() throws Exception {
    Path root = dir.resolve("mixed");
    FewShotStore store = FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    store.append(result(0, 0.25));
    assertEquals(List.of(), store.otherKernelPaths());
    String line = Files.readAllLines(root.resolve("results.jsonl")).get(0);
    assertTrue(line.contains("\"provenance\":{\"cpu\""), line);
    Files.writeString(
        root.resolve("results.jsonl"),
        line.replaceFirst("\"cpu\":\"[^\"]*\"", "\"cpu\":\"Other CPU\"") + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    List<String> others =
        FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500))
            .otherKernelPaths();
    assertEquals(1, others.size(), others.toString());
    assertTrue(others.get(0).startsWith("Other CPU | "), others.get(0));
  }

  @Test
  void linesReadBackAsWritten() {
    FewShotStore store =
        FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    store.append(result(0, 0.25));
    FewShotResult knn =
        new FewShotResult(
            "fashion-mnist", 5, "knn", 3, "strict", Hyperparameters.NONE, null, 0.5, 0, 0.1);
    store.append(knn);
    TuningResult tuning =
        new TuningResult("mnist", 1, "l2", Hyperparameters.of("lambda", 1e-3), 2, 0.41, 120, 3);
    store.append(tuning);
    FewShotStore reopened =
        FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    assertEquals(List.of(result(0, 0.25), knn), reopened.results());
    assertEquals(List.of(tuning), reopened.tuning());
  }

  @Test
  void aStoreMadeWithOtherSettingsIsRefused() {
    FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FewShotStore.open(
                    dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 100)));
    assertEquals(
        "--out "
            + dir.resolve("store")
            + ": a store made with other settings (steps: was 500, now 100; "
            + "expected the same protocol and grid, or another --out)",
        e.messageFor(p -> "--" + p));
    e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FewShotStore.open(
                    dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.AUTHORS, 500)));
    assertTrue(
        e.getMessage().contains("protocol: was \"strict\", now \"authors\""), e.getMessage());
  }

  @Test
  void aRefusalNamesTheOptionAndTheGridMemberThatDiffer() {
    FewShotOptions pytorch = new FewShotOptions(WeightInit.PYTORCH, null, Map.of(), false);
    Path store = dir.resolve("store");
    FewShotStore.open(store, FewShotGrid.settings(FewShotProtocol.AUTHORS, 500, pytorch));
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> FewShotStore.open(store, FewShotGrid.settings(FewShotProtocol.AUTHORS, 500)));
    assertTrue(e.getMessage().contains("(init: was \"pytorch\", now absent;"), e.getMessage());
    FewShotOptions alpha2 =
        new FewShotOptions(
            WeightInit.PYTORCH, null, FewShotOptions.parseGrids(List.of("bean1=2")), false);
    e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FewShotStore.open(
                    store, FewShotGrid.settings(FewShotProtocol.AUTHORS, 500, alpha2)));
    assertTrue(
        e.getMessage().contains("(grid.bean1: was [{\"alpha\":3.0}], now [{\"alpha\":2.0}];"),
        e.getMessage());
  }

  @Test
  void aFolderHoldingSomethingElseIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/notes.txt"), "mine");
    assertThrows(
        BadInputException.class,
        () ->
            FewShotStore.open(
                dir.resolve("other"), FewShotGrid.settings(FewShotProtocol.STRICT, 500)));
  }

  @Test
  void aLineLackingAFieldIsRefusedNamingTheField() throws Exception {
    Path root = dir.resolve("store");
    FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500))
        .append(result(0, 0.25));
    String line = Files.readAllLines(root.resolve("results.jsonl")).get(0);
    Files.writeString(root.resolve("results.jsonl"), line.replaceFirst("\"draw\":0,", "") + "\n");
    FewShotStore store = FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    BadInputException e = assertThrows(BadInputException.class, store::results);
    assertEquals(
        root.resolve("results.jsonl") + ": not a results file of bean fewshot (it lacks \"draw\")",
        e.getMessage());
  }

  @Test
  void aLineCutShortByAKillIsDropped() throws Exception {
    FewShotStore store =
        FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    store.append(result(0, 0.25));
    Files.writeString(
        dir.resolve("store/results.jsonl"), "{\"dataset\":\"mni", StandardOpenOption.APPEND);
    FewShotStore reopened =
        FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    assertEquals(List.of(result(0, 0.25)), reopened.results());
    reopened.append(result(1, 0.5));
    assertEquals(List.of(result(0, 0.25), result(1, 0.5)), reopened.results());
  }

  @Test
  void aShardsStoreTakesThatShardOfThatGridOnly() throws Exception {
    FewShotGrid.Plan plan =
        new FewShotGrid.Plan(
            FewShotProtocol.STRICT,
            List.of(org.beantf.data.DatasetId.MNIST),
            List.of(1),
            List.of(0, 1),
            FewShotMethod.parseList("vanilla,knn"),
            500,
            new FewShotShard(1, 2));
    Path root = dir.resolve("shard");
    FewShotStore.open(
        root, FewShotGrid.settings(FewShotProtocol.STRICT, 500), plan.shard().toJson(plan));
    assertEquals(
        Files.readString(root.resolve("settings.json")),
        Files.readString(
            FewShotStore.open(
                    dir.resolve("whole"), FewShotGrid.settings(FewShotProtocol.STRICT, 500))
                .root()
                .resolve("settings.json")),
        "every shard of a grid has the settings of an unsharded run");
    FewShotStore.open(
        root, FewShotGrid.settings(FewShotProtocol.STRICT, 500), plan.shard().toJson(plan));

    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500)));
    assertEquals(
        "--out "
            + root
            + ": the store of shard 1/2 of a grid (expected --shard with that shard and grid, or"
            + " another --out)",
        e.messageFor(p -> "--" + p));
    FewShotGrid.Plan other =
        new FewShotGrid.Plan(
            plan.protocol(),
            plan.datasets(),
            plan.shots(),
            plan.draws(),
            plan.methods(),
            plan.steps(),
            new FewShotShard(0, 2));
    e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FewShotStore.open(
                    root,
                    FewShotGrid.settings(FewShotProtocol.STRICT, 500),
                    other.shard().toJson(other)));
    assertEquals(
        "--out "
            + root
            + ": the store of another shard or grid (shard: was 1, now 0; expected the same"
            + " --shard and grid, or another --out)",
        e.messageFor(p -> "--" + p));
  }

  @Test
  void anUnshardedRunsStoreIsRefusedToAShardAndLeftAsItWas() throws Exception {
    Path root = dir.resolve("whole");
    FewShotStore whole = FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    whole.append(result(0, 0.25));
    whole.writeTable("| table |\n");
    FewShotGrid.Plan plan =
        new FewShotGrid.Plan(
            FewShotProtocol.STRICT,
            List.of(org.beantf.data.DatasetId.MNIST),
            List.of(1),
            List.of(0),
            FewShotMethod.parseList("bean1"),
            500,
            new FewShotShard(0, 2));
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FewShotStore.open(
                    root,
                    FewShotGrid.settings(FewShotProtocol.STRICT, 500),
                    plan.shard().toJson(plan)));
    assertEquals(
        "--out "
            + root
            + ": the store of an unsharded run of a grid (expected no --shard, or another --out)",
        e.messageFor(p -> "--" + p));
    assertFalse(Files.exists(root.resolve("shard.json")));
    assertEquals(
        List.of(result(0, 0.25)),
        FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500)).results(),
        "the unsharded run still opens its store");
  }

  @Test
  void aStoreStartedFromAnotherStoresLinesBecomesTheShards() {
    Path root = dir.resolve("seeded");
    FewShotStore.open(root, FewShotGrid.settings(FewShotProtocol.STRICT, 500))
        .append(result(0, 0.25));
    FewShotGrid.Plan plan =
        new FewShotGrid.Plan(
            FewShotProtocol.STRICT,
            List.of(org.beantf.data.DatasetId.MNIST),
            List.of(1),
            List.of(0),
            FewShotMethod.parseList("bean1"),
            500,
            new FewShotShard(0, 1));
    FewShotStore store =
        FewShotStore.open(
            root, FewShotGrid.settings(FewShotProtocol.STRICT, 500), plan.shard().toJson(plan));
    assertEquals(List.of(result(0, 0.25)), store.results());
    assertTrue(Files.exists(root.resolve("shard.json")));
  }
}
