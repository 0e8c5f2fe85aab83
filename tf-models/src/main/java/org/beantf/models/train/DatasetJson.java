package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.data.images.AlphaBackground;
import org.tensorflow.ndarray.Shape;

/**
 * A user dataset's {@link DatasetInfo} as config.json's "data" object: the source and its options,
 * the input, class and feature names, and the standardisation's constants (written as Java's
 * shortest float32 decimals and read back exactly), so that resume, export and analyze rebuild the
 * graph without the data.
 */
public final class DatasetJson {
  private DatasetJson() {}

  /** The "data" object of {@code info}. */
  public static ObjectNode of(DatasetInfo info) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    DatasetSpec spec = info.source();
    ObjectNode json = f.objectNode();
    json.put("source", spec.text());
    if (spec.labelColumn() != null) {
      json.put("label_column", spec.labelColumn());
    }
    if (!spec.ignoredColumns().isEmpty()) {
      spec.ignoredColumns().forEach(json.putArray("ignore_columns")::add);
    }
    if (spec.height() > 0) {
      json.put("image_size", spec.height() + "x" + spec.width());
    }
    if (spec.kind() == DatasetSpec.Kind.IMAGES) {
      json.put("channels", info.shape().get(2))
          .put("alpha_background", spec.alphaBackground().name().toLowerCase(Locale.ROOT))
          .put("max_pixels", spec.maxPixels());
    }
    if (spec.testPath() != null) {
      json.put("test", "npy:" + spec.testPath() + "," + spec.testLabels());
    }
    if (!spec.hasOwnTestSet()) {
      json.put("test_split", spec.testSplit());
    }
    json.put("input", info.input().inputName());
    ArrayNode shape = json.putArray("shape");
    for (long d : info.shape().asArray()) {
      shape.add(d);
    }
    info.classNames().forEach(json.putArray("class_names")::add);
    if (!info.featureNames().isEmpty()) {
      info.featureNames().forEach(json.putArray("feature_names")::add);
    }
    json.put("train_size", info.trainSize());
    if (info.preprocessing() instanceof Preprocessing.Standardize s) {
      ObjectNode standardize = json.putObject("standardize");
      floats(standardize.putArray("mean"), s.mean());
      floats(standardize.putArray("scale"), s.scale());
    } else if (info.preprocessing() instanceof Preprocessing.Symmetric) {
      json.put("preprocessing", "symmetric");
    }
    return json;
  }

  /**
   * The dataset a "data" object describes (the inverse of {@link #of}).
   *
   * @param file names the file in errors
   * @throws BadInputException if a field is missing or malformed
   */
  public static DatasetInfo parse(JsonNode json, Path file) {
    try {
      DatasetSpec.Builder spec = DatasetSpec.parse(json.get("source").asText());
      if (json.has("label_column")) {
        spec.labelColumn(json.get("label_column").asText());
      }
      if (json.has("ignore_columns")) {
        spec.ignoreColumns(strings(json.get("ignore_columns")));
      }
      if (json.has("image_size")) {
        String[] hw = json.get("image_size").asText().split("x");
        spec.imageSize(Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
      }
      if (json.has("channels")) {
        spec.channels(json.get("channels").asInt())
            .alphaBackground(
                AlphaBackground.valueOf(
                    json.get("alpha_background").asText().toUpperCase(Locale.ROOT)))
            .maxPixels(json.get("max_pixels").asLong());
      }
      if (json.has("test")) {
        spec.test(json.get("test").asText());
      }
      if (json.has("test_split")) {
        spec.testSplit(json.get("test_split").asDouble());
      }
      InputKind input =
          json.get("input").asText().equals(InputKind.FEATURES.inputName())
              ? InputKind.FEATURES
              : InputKind.IMAGES;
      long[] shape = new long[json.get("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = json.get("shape").get(i).asLong();
      }
      Preprocessing preprocessing = new Preprocessing.Identity();
      if (json.has("standardize")) {
        preprocessing =
            new Preprocessing.Standardize(
                floats(json.get("standardize").get("mean")),
                floats(json.get("standardize").get("scale")));
      } else if (json.has("preprocessing")) {
        preprocessing = new Preprocessing.Symmetric();
      }
      return new DatasetInfo(
          spec.build(),
          input,
          Shape.of(shape),
          strings(json.get("class_names")),
          json.has("feature_names") ? strings(json.get("feature_names")) : List.of(),
          json.get("train_size").asInt(),
          preprocessing);
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new BadInputException(
          file + ": not a run configuration (its \"data\" object: " + e.getMessage() + ")");
    }
  }

  private static void floats(ArrayNode array, float[] values) {
    for (float v : values) {
      array.add(v);
    }
  }

  /** Exact: the text is a float32's shortest decimal, which a double holds without change. */
  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.parseFloat(array.get(i).asText());
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
