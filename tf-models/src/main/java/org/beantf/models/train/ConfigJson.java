package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beantf.bean.Normalization;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.models.Architecture;
import org.beantf.models.ModelDefaults;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.WeightInit;
import org.beantf.models.regularizers.Regularizers;

/**
 * A {@link TrainConfig} as the "config" of report.json and config.json: every flag, defaults
 * resolved.
 */
public final class ConfigJson {
  private ConfigJson() {}

  public static ObjectNode of(TrainConfig c) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("model", c.model().id()).put("dataset", c.data().name());
    if (c.data().source().kind() != DatasetSpec.Kind.BUILTIN) {
      json.set("data", DatasetJson.of(c.data()));
    }
    if (c.model() == ModelKind.MLP) {
      c.hidden().forEach(json.putArray("hidden")::add);
    }
    c.regularizers().writeJson(json, c.architecture());
    json.put("gamma", c.gamma()).put("normalization", c.normalization().cliName());
    json.put(c.untilConverged() ? "max_epochs" : "epochs", c.epochs())
        .put("until_converged", c.untilConverged());
    if (c.untilConverged()) {
      json.put("patience", c.patience());
    }
    json.put("val_split", c.validation())
        .put("batch", c.batch())
        .put("lr", c.learningRate())
        .put("seed", c.seed())
        .put("threads", c.threads())
        .put("shots", c.shots())
        .put("augment", c.augmentFlip() ? "flip" : "none")
        .put("init", c.init().cliName());
    return json;
  }

  /**
   * The configuration a run directory's config.json describes (the inverse of {@link #of}).
   *
   * @throws BadInputException if a field is missing or malformed
   */
  private static WeightInit init(String name, Path file) {
    return WeightInit.named(name)
        .orElseThrow(
            () ->
                new BadInputException(
                    file
                        + ": not a run configuration (init \""
                        + name
                        + "\"; expected glorot or pytorch)"));
  }

  public static TrainConfig parse(JsonNode json, Path file) {
    try {
      ModelKind model = ModelKind.parse(json.get("model").asText());
      List<Integer> hidden = new ArrayList<>();
      json.path("hidden").forEach(units -> hidden.add(units.asInt()));
      if (hidden.isEmpty()) {
        hidden.add(ModelDefaults.HIDDEN); // a run made before --hidden existed
      }
      boolean untilConverged = json.get("until_converged").asBoolean();
      return new TrainConfig(
          model,
          json.has("data")
              ? DatasetJson.parse(json.get("data"), file)
              : DatasetInfo.of(DatasetId.parse(json.get("dataset").asText())),
          hidden,
          Regularizers.fromJson(json, new Architecture(model, hidden)),
          json.get("gamma").asDouble(),
          Normalization.valueOf(json.get("normalization").asText().toUpperCase(Locale.ROOT)),
          json.get(untilConverged ? "max_epochs" : "epochs").asInt(),
          untilConverged,
          untilConverged ? json.get("patience").asInt() : 3,
          json.get("val_split").asInt(),
          json.get("batch").asInt(),
          json.get("lr").asDouble(),
          json.get("seed").asLong(),
          json.get("threads").asInt(),
          json.get("shots").asInt(),
          json.get("augment").asText().equals("flip"),
          // a run made before --init existed was initialised the Glorot way
          init(json.path("init").asText("glorot"), file));
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new BadInputException(file + ": not a run configuration (" + e.getMessage() + ")");
    }
  }
}
