package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of results.jsonl: a method's result on one reported draw.
 *
 * @param validationAccuracy the kept weights' validation accuracy; null for the classifiers without
 *     validation
 * @param steps the training steps behind the kept weights (0 without training)
 * @param seconds wall time of the line (never in the table, so a resumed run's table is identical)
 */
public record FewShotResult(
    String dataset,
    int shots,
    String method,
    int draw,
    String protocol,
    Hyperparameters hyperparameters,
    Double validationAccuracy,
    double testAccuracy,
    int steps,
    double seconds) {

  /** The cell and draw this line fills: a store holds at most one line per key. */
  public record Key(String dataset, int shots, String method, int draw) {}

  public Key key() {
    return new Key(dataset, shots, method, draw);
  }

  public ObjectNode toJson() {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("dataset", dataset)
            .put("shots", shots)
            .put("method", method)
            .put("draw", draw)
            .put("protocol", protocol);
    node.set("hparams", hyperparameters.toJson());
    if (validationAccuracy == null) {
      node.putNull("val_accuracy");
    } else {
      node.put("val_accuracy", validationAccuracy);
    }
    return node.put("test_accuracy", testAccuracy).put("steps", steps).put("seconds", seconds);
  }

  public static FewShotResult fromJson(JsonNode n) {
    return new FewShotResult(
        n.get("dataset").asText(),
        n.get("shots").asInt(),
        n.get("method").asText(),
        n.get("draw").asInt(),
        n.get("protocol").asText(),
        Hyperparameters.fromJson(n.get("hparams")),
        n.get("val_accuracy").isNull() ? null : n.get("val_accuracy").asDouble(),
        n.get("test_accuracy").asDouble(),
        n.get("steps").asInt(),
        n.get("seconds").asDouble());
  }
}
