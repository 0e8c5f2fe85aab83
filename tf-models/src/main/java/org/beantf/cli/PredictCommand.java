package org.beantf.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.data.BadInputException;
import org.beantf.data.images.AlphaBackground;
import org.beantf.data.images.ImageFiles;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean predict}: classify PNG or JPEG images with a SavedModel, one line per image. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify PNG or JPEG images with a SavedModel: one line per image, <source> <class> "
          + "<probability> (the top K pairs).",
      "Images must have the model's input size; their raw samples are scaled to [0,1] by bit "
          + "depth; colour is read as grey for 1-channel models by BT.601 luma "
          + "(0.299 R + 0.587 G + 0.114 B)."
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
      description = "a PNG or JPEG, or a folder of them (.png, .jpg, .jpeg; hidden files skipped)")
  Path images;

  @Option(
      names = "--alpha-background",
      paramLabel = "white|black",
      description =
          "composite transparent or translucent pixels over white or black: c*a + bg*(1-a) "
              + "(default: refuse an image that has any)")
  AlphaBackground alphaBackground = AlphaBackground.REFUSE;

  @Option(
      names = "--top",
      defaultValue = "1",
      paramLabel = "K",
      description = "classes per image (default 1)")
  int top;

  @Override
  public Integer call() {
    List<Path> files = ImageFiles.pngs(images);
    if (top < 1) {
      throw new BadInputException("--top " + top + ": expected K >= 1");
    }
    ModelFolder.requireExists(model);
    long[] shape = BeanModel.inputShapeOf(model).asArray();
    float[] pixels =
        ImageFiles.read(files, (int) shape[0], (int) shape[1], (int) shape[2], alphaBackground);
    try (BeanModel loaded = BeanModel.load(model)) {
      Prediction prediction = loaded.predict(pixels, files.size());
      for (int i = 0; i < files.size(); i++) {
        System.out.println(files.get(i) + " " + topClasses(prediction.probabilities()[i], top));
      }
    }
    return 0;
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
