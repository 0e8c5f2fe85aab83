package org.beantf.data.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.data.images.AlphaBackground;
import org.beantf.data.images.DecodedImage;
import org.beantf.data.images.ImageDecoder;
import org.beantf.data.images.ImageHeader;
import org.beantf.data.images.Resize;

/**
 * A folder tree of images, one subfolder per class (Keras's {@code image_dataset_from_directory},
 * torchvision's and DJL's {@code ImageFolder}): {@code DIR/<class>/…} split by {@code
 * --test-split}, or {@code DIR/train/<class>/…} and {@code DIR/test/<class>/…} when both exist.
 *
 * <p>Class names are the folder names sorted by code point. Examples are ordered by their path
 * inside the class folder, then by class, so numbered files keep their numbering's order (a tree
 * written from an IDX file in IDX order loads in IDX order). Every header is read before any pixel:
 * sizes, the pixel limit and the memory needed are checked first. Hidden files and folders ({@code
 * .*}, {@code ._*}) are skipped; other files that are not .png, .jpg or .jpeg are counted in one
 * note.
 */
final class ImageFolder {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  /** Threads reading headers: enough to keep a disk's queue full on a first, uncached read. */
  private static final int IO_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  /** The fraction of the heap's free space a load may plan to fill. */
  private static final double HEAP_SHARE = 0.8;

  private ImageFolder() {}

  /** One image file and its class. */
  private record Example(Path file, String key, int label) {}

  static Dataset load(DatasetSpec spec, DatasetLoader.Listener listener) {
    Path root = spec.path();
    Sources.requireFolder(root, "a folder with one subfolder of images per class");
    Path trainRoot = root.resolve("train");
    Path testRoot = root.resolve("test");
    boolean ownTest = Files.isDirectory(trainRoot) && Files.isDirectory(testRoot);
    List<String> names = classes(ownTest ? trainRoot : root);
    int[] skipped = {0};
    Path[] sampleSkipped = {null};
    List<Example> train = examples(ownTest ? trainRoot : root, names, skipped, sampleSkipped);
    List<Example> test = List.of();
    if (ownTest) {
      List<String> testNames = classes(testRoot);
      for (String name : testNames) {
        if (!names.contains(name)) {
          throw new BadInputException(
              testRoot.resolve(name)
                  + ": a test class with no training folder (expected the classes of "
                  + trainRoot
                  + ": "
                  + String.join(", ", names)
                  + ")");
        }
      }
      test = examples(testRoot, names, skipped, sampleSkipped);
    }
    if (skipped[0] > 0) {
      listener.note(
          root
              + ": skipped "
              + skipped[0]
              + " file"
              + (skipped[0] == 1 ? "" : "s")
              + " that are not .png, .jpg or .jpeg (such as "
              + sampleSkipped[0]
              + ")");
    }
    List<Example> all = new ArrayList<>(train);
    all.addAll(test);
    ImageHeader[] headers = headers(all, spec);
    int[] size = commonSize(headers, spec);
    int channels = spec.channels() != 0 ? spec.channels() : channels(headers);
    boolean asBytes = asBytes(headers, spec, channels);
    requireMemory(root, all.size(), size[0] * size[1] * channels, asBytes);
    ImageSet decoded = decode(all, spec, size, channels, asBytes, listener);
    int[] trainIndices = IntStream.range(0, train.size()).toArray();
    ImageSet[] parts;
    if (ownTest) {
      int[] testIndices = IntStream.range(train.size(), all.size()).toArray();
      parts = new ImageSet[] {decoded.subset(trainIndices), decoded.subset(testIndices)};
    } else {
      parts = Sources.split(decoded, names, spec.testSplit());
    }
    return Sources.dataset(
        spec, InputKind.IMAGES, parts, names, List.of(), new Preprocessing.Identity());
  }

  /** The class folders of {@code root}, sorted by code point. */
  private static List<String> classes(Path root) {
    List<String> names;
    try (Stream<Path> entries = Files.list(root)) {
      names =
          entries
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .sorted(ImageFolder::byCodePoint)
              .toList();
    } catch (IOException e) {
      throw new BadInputException(root + ": cannot be listed (" + e.getMessage() + ")", e);
    }
    if (names.isEmpty()) {
      throw new BadInputException(
          root + ": no class folders (expected one subfolder of images per class)");
    }
    return ClassNames.checked(names, root + " (class folders)");
  }

  private static List<Example> examples(
      Path root, List<String> names, int[] skipped, Path[] sampleSkipped) {
    List<Example> examples = new ArrayList<>();
    for (int label = 0; label < names.size(); label++) {
      Path folder = root.resolve(names.get(label));
      if (!Files.isDirectory(folder)) {
        continue; // a test tree may lack a class; the training tree is listed from its folders
      }
      int before = examples.size();
      // find hands over each file's attributes: no second stat per file
      try (Stream<Path> walk =
          Files.find(folder, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())) {
        for (Path file : (Iterable<Path>) walk::iterator) {
          Path relative = folder.relativize(file);
          if (hidden(relative)) {
            continue;
          }
          String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
          if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            skipped[0]++;
            if (sampleSkipped[0] == null) {
              sampleSkipped[0] = file;
            }
            continue;
          }
          examples.add(new Example(file, relative.toString(), label));
        }
      } catch (IOException e) {
        throw new BadInputException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
      }
      if (examples.size() == before) {
        throw new BadInputException(
            folder + ": no images (expected .png, .jpg or .jpeg files in every class folder)");
      }
    }
    examples.sort(
        Comparator.comparing(Example::key, ImageFolder::byCodePoint)
            .thenComparingInt(Example::label));
    return examples;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Code point order (String.compareTo orders UTF-16 units, which differs beyond U+FFFF). */
  private static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Every header, on {@link #IO_THREADS} threads (a cold read waits on the disk, not the CPU: with
   * one thread per core, 70,000 first reads took 7.9 s of a 16.5 s cold load, docs/BENCHMARKS.md);
   * the pixel limit is checked on each before any pixel is decoded.
   */
  private static ImageHeader[] headers(List<Example> all, DatasetSpec spec) {
    ImageHeader[] headers = new ImageHeader[all.size()];
    ForkJoinPool io = new ForkJoinPool(IO_THREADS);
    try {
      io.submit(() -> readHeaders(all, spec, headers)).join();
    } finally {
      io.shutdown();
    }
    return headers;
  }

  private static void readHeaders(List<Example> all, DatasetSpec spec, ImageHeader[] headers) {
    IntStream.range(0, all.size())
        .parallel()
        .forEach(
            i -> {
              ImageHeader header = ImageDecoder.header(all.get(i).file());
              if (header.pixels() > spec.maxPixels()) {
                throw new BadInputException(
                    String.format(
                        Locale.ROOT,
                        "%s: %dx%d pixels, more than the limit of %d (--max-pixels)",
                        header.file(),
                        header.width(),
                        header.height(),
                        spec.maxPixels()));
              }
              headers[i] = header;
            });
  }

  /** {height, width}: the requested size, or the one size every image has. */
  private static int[] commonSize(ImageHeader[] headers, DatasetSpec spec) {
    if (spec.height() > 0) {
      return new int[] {spec.height(), spec.width()};
    }
    ImageHeader first = headers[0];
    for (ImageHeader h : headers) {
      if (h.height() != first.height() || h.width() != first.width()) {
        throw new BadInputException(
            String.format(
                Locale.ROOT,
                "%s: %dx%d pixels, but %s is %dx%d (expected one size, or --image-size HxW to"
                    + " resample every image)",
                h.file(),
                h.width(),
                h.height(),
                first.file(),
                first.width(),
                first.height()));
      }
    }
    return new int[] {first.height(), first.width()};
  }

  /** 1 when every image is grey, else 3. */
  private static int channels(ImageHeader[] headers) {
    for (ImageHeader h : headers) {
      if (h.channels() != 1) {
        return 3;
      }
    }
    return 1;
  }

  /**
   * Bytes hold every value exactly: 8 bits or fewer, no resampling, nothing composited, no colour
   * turned grey.
   */
  private static boolean asBytes(ImageHeader[] headers, DatasetSpec spec, int channels) {
    if (spec.height() > 0) {
      return false;
    }
    for (ImageHeader h : headers) {
      if (h.bitDepth() > 8
          || h.channels() > channels
          || (h.alpha() && spec.alphaBackground() != AlphaBackground.REFUSE)) {
        return false;
      }
    }
    return true;
  }

  private static void requireMemory(Path root, int images, long values, boolean asBytes) {
    long needed = images * values * (asBytes ? 1 : Float.BYTES);
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    if (needed > HEAP_SHARE * free) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: %d images need %d MB in memory, more than the %d MB the JVM has free (expected"
                  + " a larger heap, such as JAVA_OPTS=-Xmx%dg, or a smaller --image-size)",
              root,
              images,
              needed >> 20,
              free >> 20,
              Math.max(2, (needed * 2 >> 30) + 1)));
    }
  }

  private static ImageSet decode(
      List<Example> all,
      DatasetSpec spec,
      int[] size,
      int channels,
      boolean asBytes,
      DatasetLoader.Listener listener) {
    int values = size[0] * size[1] * channels;
    byte[] bytes = asBytes ? new byte[all.size() * values] : null;
    float[] floats = asBytes ? null : new float[all.size() * values];
    AtomicLong done = new AtomicLong();
    long step = Math.max(1, all.size() / 100);
    IntStream.range(0, all.size())
        .parallel()
        .forEach(
            i -> {
              DecodedImage image =
                  ImageDecoder.decode(
                      all.get(i).file(), channels, spec.alphaBackground(), spec.maxPixels());
              float[] pixels =
                  Resize.bilinear(
                      image.pixels(), image.height(), image.width(), channels, size[0], size[1]);
              if (asBytes) {
                if (!image.eightBit()) {
                  throw new IllegalStateException(
                      all.get(i).file() + " is not 8-bit as its header said");
                }
                for (int v = 0; v < values; v++) {
                  bytes[i * values + v] = (byte) Math.round(pixels[v] * 255f);
                }
              } else {
                System.arraycopy(pixels, 0, floats, i * values, values);
              }
              long n = done.incrementAndGet();
              if (n % step == 0 || n == all.size()) {
                listener.progress("images", n, all.size());
              }
            });
    int[] labels = all.stream().mapToInt(Example::label).toArray();
    return asBytes
        ? ImageSet.ofUnitBytes(bytes, labels, size[0], size[1], channels)
        : ImageSet.ofFloats(floats, labels, size[0], size[1], channels);
  }
}
