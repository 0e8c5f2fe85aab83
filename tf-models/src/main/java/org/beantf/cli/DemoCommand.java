package org.beantf.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import picocli.CommandLine.Command;

/**
 * {@code bean demo}: the main job on an embedded default. Until training and export land it fetches MNIST and
 * reports what was loaded.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Fetch MNIST if needed and summarise it (training and export follow in later releases).")
final class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    DatasetCache cache = DatasetOption.cache();
    long start = System.nanoTime();
    Dataset mnist = cache.load(DatasetId.MNIST);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(mnist.summary());
    describe("train", mnist.train());
    describe("test", mnist.test());
    System.out.printf("loaded and verified in %.2f s from %s%n", seconds, cache.folder(DatasetId.MNIST));
    return 0;
  }

  private static void describe(String name, ImageSet images) {
    float[] range = images.pixelRange();
    System.out.printf("  %-5s %5d images, pixels in [%.1f, %.1f], per class %s%n", name, images.size(),
        range[0], range[1], Arrays.toString(images.classCounts(10)));
  }
}
