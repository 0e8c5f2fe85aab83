package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.beantf.cli.BeanCli;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The your-own-data path against the built-in one: the real Fashion-MNIST files written out as a
 * PNG folder tree ({@code train/} and {@code test/}, class folders 0…9, zero-padded file names in
 * IDX order) load as pixels identical to the IDX reader's, and one epoch of LeNet-5 with the same
 * seed gives byte-identical weights.
 */
class ImageFolderIT {
  @TempDir Path dir;

  @Test
  void aPngTreeOfFashionMnistTrainsExactlyAsTheIdxFiles() throws Exception {
    DatasetCache cache = DatasetCache.fromEnvironment(System.err::println);
    Dataset idx = cache.load(DatasetId.FASHION_MNIST);
    Path tree = dir.resolve("fashion png");
    long start = System.nanoTime();
    write(idx.train(), tree.resolve("train"));
    write(idx.test(), tree.resolve("test"));
    long written = System.nanoTime();
    Dataset png =
        DatasetLoader.load(DatasetSpec.images(tree).build(), cache, DatasetLoader.Listener.SILENT);
    System.err.printf(
        "ImageFolderIT: 70,000 PNGs written in %.1f s, loaded in %.1f s%n",
        (written - start) / 1e9, (System.nanoTime() - written) / 1e9);
    assertSame(idx.train(), png.train());
    assertSame(idx.test(), png.test());
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), png.info().classNames());

    Path fromIdx = train("fashion-mnist", dir.resolve("idx-run"));
    Path fromPng = train("images:" + tree, dir.resolve("png-run"));
    for (String layer : List.of("flatten", "fc1", "fc2")) {
      Path weights = Path.of("layers", layer, "weights.npy");
      assertArrayEquals(
          Files.readAllBytes(fromIdx.resolve(weights)),
          Files.readAllBytes(fromPng.resolve(weights)),
          layer + ": byte-identical weights");
    }
    Path data = Path.of("checkpoint", "variables.data-00000-of-00001");
    assertArrayEquals(
        Files.readAllBytes(fromIdx.resolve(data)),
        Files.readAllBytes(fromPng.resolve(data)),
        "every variable byte-identical");
    String classes = Files.readString(fromPng.resolve("savedmodel/lenet5/1/assets/classes.txt"));
    assertEquals("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n", classes);
  }

  private static Path train(String dataset, Path out) {
    assertEquals(
        0,
        BeanCli.run(
            "train",
            "--model",
            "lenet5",
            "--dataset",
            dataset,
            "--epochs",
            "1",
            "--seed",
            "1",
            "--out",
            out.toString()));
    return out;
  }

  private static void assertSame(ImageSet expected, ImageSet actual) {
    assertEquals(expected.size(), actual.size());
    assertArrayEquals(expected.labels(), actual.labels(), "labels in IDX order");
    float[] a = new float[expected.imageSize()];
    float[] b = new float[actual.imageSize()];
    for (int i = 0; i < expected.size(); i++) {
      expected.copyImage(i, a, 0);
      actual.copyImage(i, b, 0);
      assertArrayEquals(a, b, "image " + i);
    }
  }

  /** One 8-bit grey PNG per image, {@code root/<label>/<index, 5 digits>.png}, in parallel. */
  private static void write(ImageSet set, Path root) throws IOException {
    for (int c = 0; c < 10; c++) {
      Files.createDirectories(root.resolve(Integer.toString(c)));
    }
    IntStream.range(0, set.size())
        .parallel()
        .forEach(
            i -> {
              float[] pixels = new float[set.imageSize()];
              set.copyImage(i, pixels, 0);
              byte[] samples = new byte[pixels.length];
              for (int p = 0; p < pixels.length; p++) {
                samples[p] = (byte) Math.round(pixels[p] * 255);
              }
              Path file = root.resolve(set.label(i) + "/" + String.format("%05d.png", i));
              try {
                Files.write(file, GreyPng.encode(samples, set.width(), set.height()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
