package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 predicts in a forked JVM with a fixed, pre-touched heap: after a warm-up, resident memory
 * grows by less than 5% — every tensor and result is closed.
 */
class BeanModelSoakIT {
  private static final int WARM_UP = 20_000;
  private static final int CALLS = 100_000;

  @TempDir Path dir;

  /** The forked JVM: loads the model, warms up, prints RSS, runs the calls, prints RSS again. */
  public static void main(String[] args) throws Exception {
    try (BeanModel model = BeanModel.load(Path.of(args[0]))) {
      float[] pixels = new float[784];
      for (int i = 0; i < WARM_UP; i++) {
        pixels[i % 784] = (i % 255) / 255f;
        model.predict(pixels, 1);
      }
      System.gc();
      System.out.println("after-warm-up " + residentKb());
      for (int i = 0; i < CALLS; i++) {
        pixels[i % 784] = (i % 255) / 255f;
        model.predict(pixels, 1);
      }
      System.gc();
      System.out.println("after-calls " + residentKb());
    }
  }

  private static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS (Linux only)");
  }

  @Test
  void residentMemoryStaysFlat() throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(50).threads(2).build();
    Path run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(
                DatasetInfo.of(DatasetId.MNIST), RandomImages.of(200, 3), RandomImages.of(50, 4)),
            RunDirectory.forNewRun(run));
    Path version =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            run.resolve("savedmodel"),
            "mlp",
            0);

    Process fork =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m",
                    "-Xmx256m",
                    "-XX:+AlwaysPreTouch",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BeanModelSoakIT.class.getName(),
                    version.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(fork.getInputStream().readAllBytes());
    assertTrue(fork.waitFor(10, TimeUnit.MINUTES), "the soak did not finish in 10 minutes");
    assertEquals(0, fork.exitValue(), output);
    long before = value(output, "after-warm-up");
    long after = value(output, "after-calls");
    System.out.printf(
        "soak: RSS %d kB after the warm-up, %d kB after %d predicts%n", before, after, CALLS);
    assertTrue(
        after < before * 1.05,
        "RSS grew from " + before + " kB to " + after + " kB over " + CALLS + " predicts");
  }

  private static long value(String output, String key) {
    return output
        .lines()
        .filter(l -> l.startsWith(key + " "))
        .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + output));
  }
}
