package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beantf.cli.BeanCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast slice of scripts/fault-injection.sh's kills (docs/RELIABILITY.md has the full figures):
 * {@code bean train} (30 short epochs) in a JVM of its own, killed with SIGKILL 50 ms and 1.2 s
 * after it wrote its config.json, then resumed here: both end with weights byte-identical to an
 * uninterrupted run's, and a checkpoint folder is never seen incomplete.
 */
class KillIT {
  @TempDir Path dir;

  @Test
  void aTrainingRunKilledAtAnyMomentResumesToTheSameBytes() throws Exception {
    Path table = dir.resolve("table.csv");
    StringBuilder csv = new StringBuilder("a,b,c,kind\n");
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 3000; i++) {
      int c = i % 3;
      csv.append(
          String.format(
              java.util.Locale.ROOT,
              "%.4f,%.4f,%.4f,k%d%n",
              random.nextGaussian() + c,
              random.nextGaussian() - c,
              random.nextGaussian(),
              c));
    }
    Files.writeString(table, csv);
    List<String> train =
        List.of(
            "train",
            "--model",
            "mlp",
            "--dataset",
            "csv:" + table,
            "--label-column",
            "kind",
            "--epochs",
            "30",
            "--batch",
            "10",
            "--seed",
            "5",
            "--out");
    Path whole = dir.resolve("whole");
    assertEquals(0, BeanCli.run(with(train, whole.toString())));
    byte[] expected = Files.readAllBytes(whole.resolve("layers/hidden/weights.npy"));

    // after the run has started (config.json written): early in the first epochs, and later on
    for (long delayMillis : new long[] {50, 1200}) {
      Path killed = dir.resolve("killed-" + delayMillis);
      Process process = fresh(with(train, killed.toString()));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(killed.resolve("config.json")) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(delayMillis);
      assertTrue(process.isAlive(), "still training when killed, or the test kills nothing");
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      process.waitFor();
      assertFalse(
          Files.exists(killed.resolve("checkpoint"))
              && !Files.exists(killed.resolve("checkpoint/state.json")),
          "a checkpoint folder is complete or absent");
      List<String> resume = new ArrayList<>(List.of(with(train, killed.toString())));
      resume.add("--resume");
      assertEquals(0, BeanCli.run(resume.toArray(String[]::new)));
      assertArrayEquals(
          expected,
          Files.readAllBytes(killed.resolve("layers/hidden/weights.npy")),
          "killed after " + delayMillis + " ms, then resumed");
    }
  }

  private static String[] with(List<String> args, String last) {
    List<String> all = new ArrayList<>(args);
    all.add(last);
    return all.toArray(String[]::new);
  }

  private static Process fresh(String... args) throws Exception {
    return new ProcessBuilder(FreshJvm.bean(List.of(args)))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
