package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean fewshot --shard K/4 as four processes at once, as the tasks of a batch scheduler's job array
 * run, then bean fewshot merge: the merged table.md is byte for byte the table of one unsharded run
 * of the same grid. Real MNIST, 1-shot, two draws of LeNet-5, LeNet-5 with weight decay (tuned: 9
 * tuning runs), 1-nearest neighbour and kernel ridge, 10 steps: four cells, one per shard.
 */
class FewShotShardIT {
  private static final List<String> GRID =
      List.of(
          "fewshot",
          "--dataset",
          "mnist",
          "--shots",
          "1",
          "--draws",
          "0..1",
          "--methods",
          "vanilla,l2,knn,kernel-ridge",
          "--steps",
          "10");

  private static final int SHARDS = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void fourShardsMergeToTheTableOfOneRun() throws Exception {
    Path whole = dir.resolve("whole");
    List<Run> runs = new ArrayList<>();
    runs.add(bean(grid("--out", whole.toString())));
    List<Path> shards = new ArrayList<>();
    for (int k = 0; k < SHARDS; k++) {
      shards.add(dir.resolve("shard-" + k));
      runs.add(bean(grid("--shard", k + "/" + SHARDS, "--out", shards.get(k).toString())));
    }
    for (Run run : runs) {
      run.succeeds();
    }

    // every shard ran whole cells of its own: the lines of the one run, split without overlap,
    // the tuned cell's tuning in the shard that ran its draws
    Set<String> union = new HashSet<>();
    int lines = 0;
    int tuned = 0;
    for (Path shard : shards) {
      List<String> own = withoutRunFields(shard.resolve("results.jsonl"));
      assertFalse(own.isEmpty(), shard + " ran nothing");
      lines += own.size();
      union.addAll(own);
      if (Files.exists(shard.resolve("tuning.jsonl"))) {
        tuned++;
        assertTrue(own.stream().allMatch(l -> l.contains("\"method\":\"l2\"")), own.toString());
      }
      assertTrue(
          Files.readString(shard.resolve("table.md")).contains("this store runs 1 of its 4 cells"));
    }
    List<String> expected = withoutRunFields(whole.resolve("results.jsonl"));
    assertEquals(8, expected.size());
    assertEquals(expected.size(), lines, "a line in two shards");
    assertEquals(new HashSet<>(expected), union);
    assertEquals(1, tuned, "the tuning ran in one shard, once");

    Path merged = dir.resolve("merged");
    List<String> merge = new ArrayList<>(List.of("fewshot", "merge"));
    // in any order
    for (int k : new int[] {2, 0, 3, 1}) {
      merge.add(shards.get(k).toString());
    }
    merge.addAll(List.of("--out", merged.toString()));
    bean(merge).succeeds();

    assertEquals(
        Files.readString(whole.resolve("table.md")), Files.readString(merged.resolve("table.md")));
    assertEquals(sorted(expected), sorted(withoutRunFields(merged.resolve("results.jsonl"))));
    assertEquals(
        sorted(withoutRunFields(whole.resolve("tuning.jsonl"))),
        sorted(withoutRunFields(merged.resolve("tuning.jsonl"))));
    assertEquals(
        Files.readString(whole.resolve("settings.json")),
        Files.readString(merged.resolve("settings.json")));
    assertTrue(
        Files.readString(merged.resolve("table.md")).contains("| + weight decay | lambda="),
        "the tuned row and the setting chosen for it");
  }

  private static List<String> grid(String... more) {
    List<String> args = new ArrayList<>(GRID);
    args.addAll(List.of(more));
    return args;
  }

  private record Run(Process process, Path err) {
    void succeeds() throws Exception {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
      }
      assertEquals(0, process.exitValue(), Files.readString(err));
    }
  }

  private Run bean(List<String> args) throws IOException {
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(FreshJvm.bean(args))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return new Run(builder.start(), err);
  }

  /** The lines without their wall time and provenance: what two runs of a cell share. */
  private static List<String> withoutRunFields(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(
            line -> {
              try {
                ObjectNode json = (ObjectNode) JSON.readTree(line);
                json.remove(List.of("seconds", "provenance"));
                return json.toString();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }
}
