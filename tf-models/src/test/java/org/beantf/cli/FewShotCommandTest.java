package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.models.experiments.FewShotGrid;
import org.beantf.models.experiments.FewShotProtocol;
import org.beantf.models.experiments.FewShotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bean fewshot's bad inputs: each one line on stderr and exit code 2, before any dataset or
 * TensorFlow.
 */
class FewShotCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir Path dir;

  private String fewshot(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "fewshot";
    all[1] = "--out";
    all[2] = dir.resolve("store").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(all), streams.err());
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--dataset mnist --methods vanilla,bean3|bean: --methods vanilla,bean3: unknown method 'bean3' (expected a "
            + "comma list of vanilla, dropout, l2, l1, bean1, bean2, knn, kernel-ridge)",
        "--dataset mnist --draws 3..1|bean: --draws 3..1: '3..1' is not valid (expected A..B with A <= B)",
        "--dataset mnist --draws three|bean: --draws three: 'three' is not valid (expected N, A..B or a comma list of "
            + "those, with whole numbers >= 0)",
        "--dataset mnist --shots 1,0|bean: --shots 1,0: '0' is not valid (expected a comma list of whole numbers >= 1)",
        "--dataset mnist,svhn|bean: --dataset svhn: unknown dataset (expected one of mnist, fashion-mnist, cifar10)",
        "--dataset cifar10|bean: --dataset cifar10: LeNet-5 few-shot runs on 28x28 grayscale images (expected mnist "
            + "and/or fashion-mnist)",
        "--dataset mnist --protocol loose|bean: --protocol loose: unknown protocol (expected strict or authors)",
        "--dataset mnist --steps 25|bean: --steps 25: expected a multiple of 10 (the steps between validations), at "
            + "least 10",
        "--dataset mnist --shard 4/4|bean: --shard 4/4: there is no shard 4 of 4 (expected K from 0 to 3: shards "
            + "count from 0)",
        "--dataset mnist --shard 1of4|bean: --shard 1of4: expected K/N, shard K of N with K counted from 0, such as 0/4",
        "--dataset mnist --shard 0/0|bean: --shard 0/0: expected N >= 1 shards",
        "--dataset mnist --shard -1/2|bean: --shard -1/2: expected K >= 0 (shards count from 0, such as 0/4)",
        "--dataset mnist --shard 0/99999999999|bean: --shard 0/99999999999: N 99999999999 is out of range (expected"
            + " at most 999999 shards)",
        "--shard 0/2|bean fewshot: Missing required option: '--dataset=D[,D2]' (see bean fewshot --help)",
        "--dataset mnist --epochs 50|bean: --epochs 50: the strict protocol trains full-batch for --steps (expected"
            + " --protocol authors, or --steps)",
        "--dataset mnist --protocol authors --epochs 0|bean: --epochs 0: expected 1 to 10000",
        "--dataset mnist --protocol authors --grid bean1=1,3|bean: --grid bean1: the authors' protocol has no"
            + " tuning draws to choose among 2 settings (expected one value, or --select-per-draw)",
        "--dataset mnist --grid knn=1|bean: --grid knn=1: expected METHOD=V[,V...] with METHOD one of dropout, l2,"
            + " l1, bean1, bean2",
        "--dataset mnist --grid bean1|bean: --grid bean1: expected METHOD=V[,V...] with METHOD one of dropout, l2,"
            + " l1, bean1, bean2",
        "--dataset mnist --grid bean1=1,x|bean: --grid bean1=1,x: 'x' is not a number",
        "--dataset mnist --grid bean1=1,1|bean: --grid bean1=1,1: 1 is given twice",
        "--dataset mnist --grid l2=0,-0|bean: --grid l2=0,-0: -0 is given twice",
        "--dataset mnist --grid bean1=1f|bean: --grid bean1=1f: '1f' is not a number",
        "--dataset mnist --grid dropout=1e-400|bean: --grid dropout=1e-400: 1e-400 is out of range (expected a"
            + " double-precision number)",
        "--dataset mnist --methods vanilla --grid bean1=1|bean: --grid bean1: bean1 is not in --methods (expected a"
            + " grid for a method the grid runs)",
        "--dataset mnist --protocol authors --methods vanilla,bean1 --select-per-draw|bean: --select-per-draw: no"
            + " method has more than one setting to choose among (expected a --grid with several values)",
        "--dataset mnist --protocol authors --steps 100|bean: --steps 100: the authors' protocol trains for epochs"
            + " (expected --epochs, or --protocol strict)",
        "--dataset mnist --grid dropout=0.5,1.5|bean: --grid dropout=0.5,1.5: dropout 1.5: expected 0 <= P < 1",
        "--dataset mnist --grid bean2=-1|bean: --grid bean2=-1: alpha -1.0: expected a finite number >= 0",
        "--dataset mnist --grid bean1=1 --grid bean1=3|bean: --grid bean1=3: bean1's grid is given twice",
        "--dataset mnist --init xavier|bean fewshot: Invalid value for option '--init': expected one of [GLOROT,"
            + " PYTORCH] (case-insensitive) but was 'xavier' (see bean fewshot --help)"
      })
  void badInputIsOneLine(String args, String message) {
    assertEquals(message, fewshot(args.split(" ")));
  }

  @Test
  void withoutOutOrDatasetIsOneLine() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("fewshot"));
    assertEquals(
        "bean fewshot: Missing required options: '--dataset=D[,D2]', '--out=DIR' (see bean fewshot"
            + " --help)",
        streams.err().strip());
  }

  private String merge(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "fewshot";
    all[1] = "merge";
    System.arraycopy(args, 0, all, 2, args.length);
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(all), streams.err());
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @Test
  void mergeRefusesANonEmptyOutAMissingStoreAndGridOptions() throws Exception {
    Path store = dir.resolve("store");
    FewShotStore.open(store, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    assertEquals(
        "bean: --out " + store + ": folder is not empty (expected an absent or empty folder)",
        merge(store.toString(), "--out", store.toString()));
    streams.reset();
    assertEquals(
        "bean: "
            + dir.resolve("nowhere")
            + ": no such folder (expected a few-shot store made by bean"
            + " fewshot)",
        merge(
            store.toString(),
            dir.resolve("nowhere").toString(),
            "--out",
            dir.resolve("m").toString()));
    streams.reset();
    assertEquals(
        "bean fewshot merge: Missing required option: '--out=DIR' (see bean fewshot merge --help)",
        merge(store.toString()));
    streams.reset();
    String[] withGrid = {
      "fewshot",
      "--dataset",
      "mnist",
      "merge",
      store.toString(),
      "--out",
      dir.resolve("m").toString()
    };
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(withGrid));
    assertEquals(
        "bean fewshot merge: takes the stores and --out only, not --dataset (the stores' settings"
            + " hold their grid) (see bean fewshot merge --help)",
        streams.err().strip());
    assertFalse(Files.exists(dir.resolve("m")));
  }

  @Test
  void aStoreFileThatCannotBeReadIsOneLineWithTheReasonAndExitCode2() throws Exception {
    Path store = dir.resolve("store");
    FewShotStore.open(store, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    Files.createDirectory(store.resolve("results.jsonl"));
    assertEquals(
        "bean: " + store.resolve("results.jsonl") + ": cannot be read (Is a directory)",
        merge(store.toString(), "--out", dir.resolve("m").toString()));
    assertFalse(Files.exists(dir.resolve("m")));
  }

  @Test
  void mergeWritesTheStoreAndSaysWhere() throws Exception {
    Path store = dir.resolve("store");
    FewShotStore.open(store, FewShotGrid.settings(FewShotProtocol.STRICT, 500));
    Path merged = dir.resolve("merged");
    assertEquals(0, BeanCli.run("fewshot", "merge", store.toString(), "--out", merged.toString()));
    assertEquals(
        "merged 0 results and 0 tuning runs; few-shot table: " + merged.resolve("table.md"),
        streams.out().strip());
    assertTrue(Files.readString(merged.resolve("table.md")).contains("No results yet."));
  }

  @Test
  void aStoreMadeWithAnotherProtocolIsRefused() {
    FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.AUTHORS, 500));
    assertEquals(
        "bean: --out "
            + dir.resolve("store")
            + ": a store made with other settings (protocol: was "
            + "\"authors\", now \"strict\"; expected the same protocol and grid, or another --out)",
        fewshot("--dataset", "mnist", "--protocol", "strict"));
  }
}
