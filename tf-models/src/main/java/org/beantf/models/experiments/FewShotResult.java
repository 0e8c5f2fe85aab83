package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beantf.data.BadInputException;

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

  /**
   * The line {@code n} of results.jsonl.
   *
   * @throws BadInputException naming a field it lacks (the caller names the file and line)
   */
  public static FewShotResult fromJson(JsonNode n) {
    return new FewShotResult(
        field(n, "dataset").asText(),
        field(n, "shots").asInt(),
        field(n, "method").asText(),
        field(n, "draw").asInt(),
        field(n, "protocol").asText(),
        Hyperparameters.fromJson(field(n, "hparams")),
        field(n, "val_accuracy").isNull() ? null : n.get("val_accuracy").asDouble(),
        field(n, "test_accuracy").asDouble(),
        field(n, "steps").asInt(),
        field(n, "seconds").asDouble());
  }

  /**
   * The field {@code name} of a line of a few-shot store.
   *
   * @throws BadInputException if the line lacks it
   */
  static JsonNode field(JsonNode line, String name) {
    JsonNode value = line.get(name);
    if (value == null) {
      throw new BadInputException("it lacks \"" + name + "\"");
    }
    return value;
  }
}
