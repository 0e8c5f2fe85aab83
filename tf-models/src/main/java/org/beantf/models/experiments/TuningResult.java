package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of tuning.jsonl: the validation accuracy of one setting of a method on one tuning draw,
 * or, in a store of per-draw selection ({@link FewShotOptions#perDraw}), on reported draw {@code
 * tuningDraw}, with its test accuracy.
 *
 * @param testAccuracy the test accuracy of a per-draw candidate, reported if its validation
 *     accuracy is the draw's best; null for a tuning draw (never tested)
 */
public record TuningResult(
    String dataset,
    int shots,
    String method,
    Hyperparameters hyperparameters,
    int tuningDraw,
    double validationAccuracy,
    int steps,
    double seconds,
    Double testAccuracy) {

  /** A tuning draw's line, without a test accuracy. */
  public TuningResult(
      String dataset,
      int shots,
      String method,
      Hyperparameters hyperparameters,
      int tuningDraw,
      double validationAccuracy,
      int steps,
      double seconds) {
    this(
        dataset,
        shots,
        method,
        hyperparameters,
        tuningDraw,
        validationAccuracy,
        steps,
        seconds,
        null);
  }

  /** The setting and tuning draw this line fills. */
  public record Key(
      String dataset, int shots, String method, Hyperparameters hyperparameters, int tuningDraw) {}

  public Key key() {
    return new Key(dataset, shots, method, hyperparameters, tuningDraw);
  }

  public ObjectNode toJson() {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("dataset", dataset)
            .put("shots", shots)
            .put("method", method);
    node.set("hparams", hyperparameters.toJson());
    node.put("tuning_draw", tuningDraw).put("val_accuracy", validationAccuracy);
    if (testAccuracy != null) {
      node.put("test_accuracy", testAccuracy);
    }
    return node.put("steps", steps).put("seconds", seconds);
  }

  /**
   * The line {@code n} of tuning.jsonl.
   *
   * @throws org.beantf.data.BadInputException naming a field it lacks (the caller names the file
   *     and line)
   */
  public static TuningResult fromJson(JsonNode n) {
    return new TuningResult(
        FewShotResult.field(n, "dataset").asText(),
        FewShotResult.field(n, "shots").asInt(),
        FewShotResult.field(n, "method").asText(),
        Hyperparameters.fromJson(FewShotResult.field(n, "hparams")),
        FewShotResult.field(n, "tuning_draw").asInt(),
        FewShotResult.field(n, "val_accuracy").asDouble(),
        FewShotResult.field(n, "steps").asInt(),
        FewShotResult.field(n, "seconds").asDouble(),
        n.hasNonNull("test_accuracy") ? n.get("test_accuracy").asDouble() : null);
  }
}
