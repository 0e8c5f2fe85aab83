package org.beantf.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.beantf.data.BadInputException;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean predict}: classify PNG images with a SavedModel, one line per image. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify PNG images with a SavedModel: one line per image, <source> <class> <probability> "
          + "(the top K pairs).",
      "PNGs must have the model's input size; 1-channel models read them as grayscale."
    })
final class PredictCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "a SavedModel folder, or a model base (its highest version)")
  Path model;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "FILE|FOLDER",
      description = "a PNG, or a folder of PNGs")
  Path images;

  @Option(
      names = "--top",
      defaultValue = "1",
      paramLabel = "K",
      description = "classes per image (default 1)")
  int top;

  @Override
  public Integer call() {
    List<Path> files = pngs(images);
    if (top < 1) {
      throw new BadInputException("--top " + top + ": expected K >= 1");
    }
    ModelFolder.requireExists(model);
    List<BufferedImage> decoded = new ArrayList<>();
    for (Path file : files) {
      decoded.add(read(file));
    }
    long[] shape = BeanModel.inputShapeOf(model).asArray();
    int height = (int) shape[0];
    int width = (int) shape[1];
    int channels = (int) shape[2];
    float[] pixels = new float[files.size() * height * width * channels];
    for (int i = 0; i < files.size(); i++) {
      BufferedImage image = decoded.get(i);
      if (image.getHeight() != height || image.getWidth() != width) {
        throw new BadInputException(
            files.get(i)
                + ": "
                + image.getWidth()
                + "x"
                + image.getHeight()
                + " pixels (expected "
                + width
                + "x"
                + height
                + ", the model's input size)");
      }
      toPixels(image, channels, pixels, i * height * width * channels);
    }
    try (BeanModel loaded = BeanModel.load(model)) {
      Prediction prediction = loaded.predict(pixels, files.size());
      for (int i = 0; i < files.size(); i++) {
        System.out.println(files.get(i) + " " + topClasses(prediction.probabilities()[i], top));
      }
    }
    return 0;
  }

  private static List<Path> pngs(Path images) {
    if (Files.isRegularFile(images)) {
      return List.of(images);
    }
    if (!Files.isDirectory(images)) {
      throw new BadInputException(
          "--images "
              + images
              + ": no such file or folder (expected a PNG or a folder of "
              + "PNGs)");
    }
    try (Stream<Path> entries = Files.list(images)) {
      List<Path> files =
          entries
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new BadInputException(
            "--images " + images + ": no .png files (expected a folder of PNGs)");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
  }

  private static BufferedImage read(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new BadInputException(file + ": not a readable image (expected a PNG)");
      }
      return image;
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read as a PNG (" + e.getMessage() + ")");
    }
  }

  /** Raw pixels in [0,1], HWC: gray = (R + G + B) / 3 for one channel, else R, G, B. */
  static void toPixels(BufferedImage image, int channels, float[] target, int offset) {
    int at = offset;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (channels == 1) {
          target[at++] = (r + g + b) / (3f * 255f);
        } else {
          target[at++] = r / 255f;
          target[at++] = g / 255f;
          target[at++] = b / 255f;
        }
      }
    }
  }

  /** "c1 p1 c2 p2 …" for the {@code k} most probable classes. */
  static String topClasses(float[] probabilities, int k) {
    Integer[] order = new Integer[probabilities.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < Math.min(k, order.length); i++) {
      line.append(i == 0 ? "" : " ")
          .append(order[i])
          .append(' ')
          .append(String.format(Locale.ROOT, "%.4f", probabilities[order[i]]));
    }
    return line.toString();
  }
}
