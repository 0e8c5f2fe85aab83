package org.beantf.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.models.ModelKind;

/** A {@link TrainConfig} as the "config" of report.json and config.json: every flag, defaults resolved. */
public final class ConfigJson {
  private ConfigJson() {}

  public static ObjectNode of(TrainConfig c) {
    ObjectNode json = RunDirectory.JSON.createObjectNode();
    json.put("model", c.model().id()).put("dataset", c.dataset().cliName());
    ArrayNode regs = json.putArray("reg");
    for (Regularization r : Regularization.values()) {
      if (c.regs().contains(r)) {
        regs.add(r.cliName());
      }
    }
    json.put("alpha", c.alpha()).put("dropout", c.dropout()).put("l2", c.l2()).put("l1", c.l1())
        .put("gamma", c.gamma()).put("divergence", c.divergence().cliName()).put("form", c.form().cliName())
        .put("normalization", c.normalization().cliName());
    ArrayNode layers = json.putArray("bean_layers");
    (c.beanLayers().isEmpty() ? c.model().beanLayerNames() : c.beanLayers()).forEach(layers::add);
    json.put(c.untilConverged() ? "max_epochs" : "epochs", c.epochs()).put("until_converged", c.untilConverged());
    if (c.untilConverged()) {
      json.put("patience", c.patience());
    }
    json.put("val_split", c.validation()).put("batch", c.batch()).put("lr", c.learningRate()).put("seed", c.seed())
        .put("threads", c.threads()).put("shots", c.shots()).put("augment", c.augmentFlip() ? "flip" : "none");
    return json;
  }

  /**
   * The configuration a run directory's config.json describes (the inverse of {@link #of}).
   *
   * @throws BadInputException if a field is missing or malformed
   */
  public static TrainConfig parse(JsonNode json, Path file) {
    try {
      Set<Regularization> regs = new HashSet<>();
      json.get("reg").forEach(r -> regs.addAll(Regularization.parseList(r.asText())));
      List<String> layers = new ArrayList<>();
      json.get("bean_layers").forEach(l -> layers.add(l.asText()));
      ModelKind model = ModelKind.parse(json.get("model").asText());
      if (layers.equals(model.beanLayerNames())) {
        layers.clear(); // every layer of the model: the configuration says so with an empty list
      }
      boolean untilConverged = json.get("until_converged").asBoolean();
      TrainConfig.Builder builder = TrainConfig.builder(model, DatasetId.parse(json.get("dataset").asText()))
          .regularizers(regs).alpha(json.get("alpha").asDouble()).dropout(json.get("dropout").asDouble())
          .l2(json.get("l2").asDouble()).l1(json.get("l1").asDouble()).gamma(json.get("gamma").asDouble())
          .divergence(Divergence.valueOf(json.get("divergence").asText().toUpperCase(Locale.ROOT)))
          .form(LossForm.valueOf(json.get("form").asText().toUpperCase(Locale.ROOT)))
          .normalization(Normalization.valueOf(json.get("normalization").asText().toUpperCase(Locale.ROOT)))
          .beanLayers(layers).validation(json.get("val_split").asInt()).batch(json.get("batch").asInt())
          .learningRate(json.get("lr").asDouble()).seed(json.get("seed").asLong())
          .threads(json.get("threads").asInt()).shots(json.get("shots").asInt())
          .augmentFlip(json.get("augment").asText().equals("flip"));
      return (untilConverged ? builder.untilConverged(json.get("patience").asInt(), json.get("max_epochs").asInt())
          : builder.epochs(json.get("epochs").asInt())).build();
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new BadInputException(file + ": not a run configuration (" + e.getMessage() + ")");
    }
  }
}
