package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beantf.cli.BeanCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean fewshot on real MNIST in a fresh JVM: a tiny grid (1-shot, two draws of LeNet-5 and 1-NN, 10
 * steps) killed midway and run again ends with the table and results of an uninterrupted run.
 */
class FewShotIT {
  private static final String[] GRID = {
    "fewshot",
    "--dataset",
    "mnist",
    "--shots",
    "1",
    "--draws",
    "0..1",
    "--methods",
    "vanilla,knn",
    "--steps",
    "10"
  };

  @TempDir Path dir;

  @Test
  void aKilledGridResumesToTheSameTable() throws Exception {
    Path whole = dir.resolve("whole");
    Run uninterrupted = bean(whole);
    assertEquals(0, uninterrupted.process.waitFor(), Files.readString(uninterrupted.err));

    Path resumed = dir.resolve("resumed");
    Run killed = bean(resumed);
    Path results = resumed.resolve("results.jsonl");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (lines(results) < 1 && killed.process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(killed.process.isAlive(), "the grid ended before it could be killed");
    killed.process.destroyForcibly().waitFor();
    assertEquals(1, lines(results), "killed while LeNet-5 trained on draw 1");

    Run again = bean(resumed);
    assertEquals(0, again.process.waitFor(), Files.readString(again.err));
    assertEquals(
        Files.readString(whole.resolve("table.md")), Files.readString(resumed.resolve("table.md")));
    assertEquals(
        withoutSeconds(whole.resolve("results.jsonl")),
        withoutSeconds(resumed.resolve("results.jsonl")));
    assertEquals(4, lines(results));
    assertTrue(
        Files.readString(whole.resolve("table.md")).contains("| 1-nearest neighbour (pixels) |"));
  }

  @Test
  void moreShotsThanAClassHasIsOneLine() throws Exception {
    Run run =
        bean(
            dir.resolve("store"),
            "fewshot",
            "--dataset",
            "mnist",
            "--shots",
            "1,5500",
            "--methods",
            "knn");
    assertEquals(BeanCli.BAD_INPUT, run.process.waitFor());
    assertEquals(
        "bean: --shots 5500: class 5 has only 5421 examples in training images [0, 60000) (expected at least "
            + "5500)",
        Files.readString(run.err).strip());
  }

  /**
   * Per-draw selection (issue 18, item 6b): each draw reports the setting with the best validation
   * accuracy among those trained on it, with that candidate's test accuracy; a store that lost its
   * results rebuilds them from the candidates without training again.
   */
  @Test
  void perDrawSelectionReportsTheBestValidatedCandidate() throws Exception {
    Path store = dir.resolve("per-draw");
    String[] grid = {
      "fewshot",
      "--dataset",
      "mnist",
      "--shots",
      "1",
      "--draws",
      "0..2",
      "--methods",
      "bean1",
      "--protocol",
      "authors",
      "--epochs",
      "2",
      "--init",
      "pytorch",
      "--grid",
      "bean1=1,1000",
      "--select-per-draw"
    };
    Run run = bean(store, grid);
    assertEquals(0, run.process.waitFor(), Files.readString(run.err));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> candidates = jsonLines(json, store.resolve("tuning.jsonl"));
    List<JsonNode> results = jsonLines(json, store.resolve("results.jsonl"));
    assertEquals(6, candidates.size());
    assertEquals(3, results.size());
    for (JsonNode result : results) {
      List<JsonNode> ofDraw =
          candidates.stream()
              .filter(c -> c.get("tuning_draw").asInt() == result.get("draw").asInt())
              .toList();
      assertEquals(2, ofDraw.size());
      // the first of the best in grid order (alpha 1 before 1000)
      JsonNode best =
          ofDraw.get(1).get("val_accuracy").asDouble()
                  > ofDraw.get(0).get("val_accuracy").asDouble()
              ? ofDraw.get(1)
              : ofDraw.get(0);
      assertEquals(best.get("hparams"), result.get("hparams"));
      assertEquals(best.get("test_accuracy"), result.get("test_accuracy"));
      assertEquals(best.get("val_accuracy"), result.get("val_accuracy"));
    }
    assertEquals(
        "pytorch", json.readTree(store.resolve("settings.json").toFile()).get("init").asText());
    assertTrue(
        Files.readString(store.resolve("table.md"))
            .contains("Each draw's setting is chosen on that draw"));

    List<String> before = withoutSeconds(store.resolve("results.jsonl"));
    Files.delete(store.resolve("results.jsonl"));
    Run again = bean(store, grid);
    assertEquals(0, again.process.waitFor(), Files.readString(again.err));
    assertEquals(6, lines(store.resolve("tuning.jsonl")), "no candidate trained again");
    assertEquals(
        before.stream().map(l -> l.replaceFirst(",\"provenance\".*", "")).toList(),
        withoutSeconds(store.resolve("results.jsonl")).stream()
            .map(l -> l.replaceFirst(",\"provenance\".*", ""))
            .toList());
  }

  private static List<JsonNode> jsonLines(ObjectMapper json, Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(json.readTree(line));
    }
    return nodes;
  }

  private record Run(Process process, Path err) {}

  private Run bean(Path store, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(args.length == 0 ? GRID : args));
    command.addAll(List.of("--out", store.toString()));
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(FreshJvm.bean(command))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return new Run(builder.start(), err);
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readString(file, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
  }

  /** The lines with their wall time removed: everything else must be equal. */
  private static List<String> withoutSeconds(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(l -> l.replaceFirst(",\"seconds\":[0-9.E-]+", ""))
        .toList();
  }
}
