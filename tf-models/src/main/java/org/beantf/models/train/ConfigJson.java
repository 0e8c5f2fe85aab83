package org.beantf.models.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beantf.models.Models;

/** A {@link TrainConfig} as the "config" of report.json and config.json: every flag, defaults resolved. */
public final class ConfigJson {
  private ConfigJson() {}

  public static ObjectNode of(TrainConfig c) {
    ObjectNode json = RunDirectory.JSON.createObjectNode();
    json.put("model", c.model()).put("dataset", c.dataset().cliName());
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
    (c.beanLayers().isEmpty() ? Models.create(c.model(), 0).beanLayerNames() : c.beanLayers()).forEach(layers::add);
    json.put(c.untilConverged() ? "max_epochs" : "epochs", c.epochs()).put("until_converged", c.untilConverged());
    if (c.untilConverged()) {
      json.put("patience", c.patience());
    }
    json.put("val_split", c.validation()).put("batch", c.batch()).put("lr", c.learningRate()).put("seed", c.seed())
        .put("threads", c.threads()).put("shots", c.shots()).put("augment", c.augmentFlip() ? "flip" : "none");
    return json;
  }
}
