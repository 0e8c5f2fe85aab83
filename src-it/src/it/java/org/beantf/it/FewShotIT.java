package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
