package org.beantf.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;

/**
 * Loading MNIST as a 70,000-file PNG folder tree ({@code --dataset images:DIR}) against loading it
 * from the IDX files of the dataset cache: one load per JVM, so that every load pays what a user's
 * first load pays (class loading, JIT warm-up; and, when {@code benchmarks/png-tree-load.sh} has
 * dropped the page cache first, reading the files from disk). Not JMH, which would measure warm
 * loads in a long-lived JVM. Modes:
 *
 * <ul>
 *   <li>{@code write DIR}: writes MNIST's train (60,000) and test (10,000) images as 8-bit grey
 *       PNGs {@code DIR/train/<label>/<index %05d>.png} and {@code DIR/test/<label>/...} with
 *       ImageIO, in parallel, into a staging folder next to DIR that is renamed to DIR when
 *       complete (DIR must not exist).
 *   <li>{@code check DIR}: loads both and requires the same labels and bit-identical pixels in the
 *       same order (not timed).
 *   <li>{@code load-png DIR} and {@code load-idx}: one load each, timed from the call into the
 *       loader to its return (the wall time of the load, not the JVM's start), then prints one
 *       line: that time, images per second, the heap in use after a full GC with the dataset still
 *       reachable, and the sizes, which must be 60,000 + 10,000 of 28x28x1.
 * </ul>
 *
 * <p>The IDX load also checks each file's SHA-256 and holds the pixels as floats (4 bytes each);
 * the PNG load checks every header before decoding and holds 8-bit images as bytes.
 */
public final class ImageFolderLoad {
  private static final int TRAIN = 60_000;
  private static final int TEST = 10_000;

  private ImageFolderLoad() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("write")) {
      write(Path.of(args[1]));
    } else if (args.length == 2 && args[0].equals("check")) {
      check(Path.of(args[1]));
    } else if (args.length == 2 && args[0].equals("load-png")) {
      Path dir = Path.of(args[1]);
      DatasetCache cache = DatasetCache.fromEnvironment(System.err::println);
      long start = System.nanoTime();
      Dataset d = DatasetLoader.load(DatasetSpec.images(dir).build(), cache, SILENT);
      report("png", System.nanoTime() - start, d);
    } else if (args.length == 1 && args[0].equals("load-idx")) {
      DatasetCache cache = DatasetCache.fromEnvironment(System.err::println);
      long start = System.nanoTime();
      Dataset d = cache.load(DatasetId.MNIST);
      report("idx", System.nanoTime() - start, d);
    } else {
      System.err.println("usage: ImageFolderLoad write DIR | check DIR | load-png DIR | load-idx");
      System.exit(2);
    }
  }

  private static final DatasetLoader.Listener SILENT = DatasetLoader.Listener.SILENT;

  private static void report(String what, long nanos, Dataset d) {
    requireSizes(what, d);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heap = rt.totalMemory() - rt.freeMemory();
    double seconds = nanos / 1e9;
    int images = d.train().size() + d.test().size();
    System.out.printf(
        Locale.ROOT,
        "%s load_s=%.3f images_per_s=%.0f heap_after_gc_mb=%d images=%d (%d+%d of %dx%dx%d,"
            + " %d bytes per value)%n",
        what,
        seconds,
        images / seconds,
        heap >> 20,
        images,
        d.train().size(),
        d.test().size(),
        d.train().height(),
        d.train().width(),
        d.train().channels(),
        d.train().bytesPerValue());
    Reference.reachabilityFence(d);
  }

  private static void requireSizes(String what, Dataset d) {
    ImageSet train = d.train();
    ImageSet test = d.test();
    if (train.size() != TRAIN
        || test.size() != TEST
        || train.height() != 28
        || train.width() != 28
        || train.channels() != 1
        || test.imageSize() != 28 * 28) {
      throw new IllegalStateException(
          what + ": expected 60000 + 10000 images of 28x28x1, got " + train + " and " + test);
    }
  }

  /** MNIST from the cache as PNGs under DIR, written to a staging folder and then renamed. */
  private static void write(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + ": exists (expected a new folder)");
    }
    Path staging = target.resolveSibling(target.getFileName() + ".partial");
    deleteTree(staging);
    Dataset mnist = DatasetCache.fromEnvironment(System.err::println).load(DatasetId.MNIST);
    long start = System.nanoTime();
    writeSplit(mnist.train(), staging.resolve("train"));
    writeSplit(mnist.test(), staging.resolve("test"));
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf(
        Locale.ROOT,
        "wrote %d PNGs under %s in %.1f s%n",
        mnist.train().size() + mnist.test().size(),
        target,
        (System.nanoTime() - start) / 1e9);
  }

  private static void writeSplit(ImageSet set, Path root) throws IOException {
    for (int label = 0; label < 10; label++) {
      Files.createDirectories(root.resolve(Integer.toString(label)));
    }
    int h = set.height();
    int w = set.width();
    IntStream.range(0, set.size())
        .parallel()
        .forEach(
            i -> {
              float[] pixels = new float[h * w];
              set.copyImage(i, pixels, 0);
              BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
              byte[] raster =
                  ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
              for (int p = 0; p < pixels.length; p++) {
                raster[p] = (byte) Math.round(pixels[p] * 255f);
              }
              Path file =
                  root.resolve(Integer.toString(set.label(i)))
                      .resolve(String.format(Locale.ROOT, "%05d.png", i));
              try {
                if (!ImageIO.write(image, "png", file.toFile())) {
                  throw new IllegalStateException("no ImageIO writer for PNG");
                }
              } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
              }
            });
  }

  /** The tree under DIR holds MNIST: same order, labels and pixels as the IDX files. */
  private static void check(Path dir) {
    DatasetCache cache = DatasetCache.fromEnvironment(System.err::println);
    Dataset png = DatasetLoader.load(DatasetSpec.images(dir).build(), cache, SILENT);
    Dataset idx = cache.load(DatasetId.MNIST);
    requireSizes("png", png);
    requireSizes("idx", idx);
    same("train", png.train(), idx.train());
    same("test", png.test(), idx.test());
    System.out.println("check: " + dir + " holds MNIST (labels and pixels identical, IDX order)");
  }

  private static void same(String split, ImageSet png, ImageSet idx) {
    float[] a = new float[png.imageSize()];
    float[] b = new float[idx.imageSize()];
    for (int i = 0; i < png.size(); i++) {
      png.copyImage(i, a, 0);
      idx.copyImage(i, b, 0);
      if (png.label(i) != idx.label(i) || !java.util.Arrays.equals(a, b)) {
        throw new IllegalStateException(split + " image " + i + " differs from the IDX file's");
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
