package org.beantf.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.data.BadInputException;
import org.beantf.data.images.AlphaBackground;
import org.beantf.data.images.ImageFiles;
import org.beantf.data.sources.CsvFeatures;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.tensorflow.ndarray.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bean predict}: classify images or table rows with a SavedModel, one line (text) or one
 * JSON object (jsonl) per input.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify PNG or JPEG images (--images) or the rows of a CSV table (--csv) with a SavedModel:"
          + " one line per input, <source> <class> <probability> (the top K pairs), or one JSON"
          + " object per input with --format jsonl.",
      "Images must have the model's input size; their raw samples are scaled to [0,1] by bit "
          + "depth; colour is read as grey for 1-channel models by BT.601 luma "
          + "(0.299 R + 0.587 G + 0.114 B). A table's columns are matched to the model's features"
          + " by name; other columns (a label, an id) are ignored."
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
      arity = "1..*",
      paramLabel = "FILE|FOLDER",
      description =
          "PNG or JPEG files, or folders of them (.png, .jpg, .jpeg; hidden files skipped)")
  List<Path> images;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "a CSV table with a header row naming the model's feature columns")
  Path csv;

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
      description = "classes per input (default 1)")
  int top;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|jsonl",
      description = "text lines, or one JSON object per input for scripts (default text)")
  Format format;

  /** What --format can name. */
  enum Format {
    TEXT,
    JSONL
  }

  /** The inputs read: where each came from, and their values for the model. */
  private record Inputs(List<String> sources, float[] values) {}

  @Override
  public Integer call() {
    if ((images == null) == (csv == null)) {
      throw new BadInputException(
          "--images/--csv: expected one of them (got "
              + (images == null ? "neither" : "both")
              + ")");
    }
    if (top < 1) {
      throw new BadInputException("--top " + top + ": expected K >= 1");
    }
    ModelFolder.requireExists(model);
    Inputs inputs = images != null ? images() : rows();
    try (BeanModel loaded = BeanModel.load(model)) {
      Prediction prediction = loaded.predict(inputs.values(), inputs.sources().size());
      List<String> names = loaded.classNames();
      for (int i = 0; i < inputs.sources().size(); i++) {
        float[] p = prediction.probabilities()[i];
        System.out.println(
            format == Format.JSONL
                ? json(inputs.sources().get(i), p, names, top)
                : inputs.sources().get(i) + " " + topClasses(p, names, top));
      }
    }
    return 0;
  }

  private Inputs images() {
    Shape shape = BeanModel.inputShapeOf(model);
    if (shape.numDimensions() != 3) {
      throw new BadInputException(
          "--images "
              + String.join(" ", images.stream().map(Path::toString).toList())
              + ": --model "
              + model
              + " takes a table's "
              + shape.get(0)
              + " features (expected --csv FILE)");
    }
    List<Path> files = new ArrayList<>();
    for (Path fileOrFolder : images) {
      files.addAll(ImageFiles.pngs(fileOrFolder));
    }
    float[] pixels =
        ImageFiles.read(
            files, (int) shape.get(0), (int) shape.get(1), (int) shape.get(2), alphaBackground);
    return new Inputs(files.stream().map(Path::toString).toList(), pixels);
  }

  private Inputs rows() {
    Shape shape = BeanModel.inputShapeOf(model);
    if (shape.numDimensions() != 1) {
      throw new BadInputException(
          "--csv "
              + csv
              + ": --model "
              + model
              + " takes images of "
              + shape
              + ", not table rows (expected --images)");
    }
    // a model trained on a table matches columns by name; one trained on arrays has no names and
    // takes every column in order
    List<String> features = BeanModel.featureNamesOf(model);
    CsvFeatures table =
        features.isEmpty()
            ? CsvFeatures.readAll(csv, (int) shape.get(0))
            : CsvFeatures.read(csv, features);
    List<String> sources = Arrays.stream(table.lines()).mapToObj(line -> csv + ":" + line).toList();
    return new Inputs(sources, table.values());
  }

  /** The classes by falling probability. */
  private static Integer[] ranked(float[] probabilities) {
    Integer[] order = new Integer[probabilities.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
    return order;
  }

  /** "c1 p1 c2 p2 …" for the {@code k} most probable classes, by name. */
  static String topClasses(float[] probabilities, List<String> names, int k) {
    Integer[] order = ranked(probabilities);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < Math.min(k, order.length); i++) {
      line.append(i == 0 ? "" : " ")
          .append(names.get(order[i]))
          .append(' ')
          .append(String.format(Locale.ROOT, "%.4f", probabilities[order[i]]));
    }
    return line.toString();
  }

  /**
   * {"source", "class", "class_id", "probability", "top": [{"class", "class_id", "probability"},
   * …]}: one line of JSON.
   */
  static String json(String source, float[] probabilities, List<String> names, int k) {
    Integer[] order = ranked(probabilities);
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("source", source)
        .put("class", names.get(order[0]))
        .put("class_id", order[0])
        .put("probability", probabilities[order[0]]);
    ArrayNode ranking = line.putArray("top");
    for (int i = 0; i < Math.min(k, order.length); i++) {
      ranking
          .addObject()
          .put("class", names.get(order[i]))
          .put("class_id", order[i])
          .put("probability", probabilities[order[i]]);
    }
    return line.toString();
  }
}
