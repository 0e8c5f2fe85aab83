package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Architecture;
import org.beantf.models.ModelDefaults;

/**
 * Dropout where the model applies it (after its dense hidden layers; ResNet18's pooled features),
 * in training passes only (the model applies it: {@link #dropoutRate()}).
 *
 * @param rate the probability of dropping a unit, 0 ≤ p < 1 (default {@link ModelDefaults#DROPOUT})
 */
public record DropoutRegularization(double rate) implements Regularizer {

  /** Its type: "dropout", setting dropout. */
  public static final RegularizerType TYPE =
      new RegularizerType() {
        @Override
        public List<String> ids() {
          return List.of("dropout");
        }

        @Override
        public List<String> parameters() {
          return List.of("dropout");
        }

        @Override
        public Regularizer create(String id, Architecture model, Settings given) {
          return new DropoutRegularization(given.number("dropout", ModelDefaults.DROPOUT));
        }

        @Override
        public Regularizer fromJson(String id, Architecture model, JsonNode json) {
          return create(
              id,
              model,
              json.has("dropout")
                  ? Settings.none().with("dropout", json.get("dropout").asDouble())
                  : Settings.none());
        }
      };

  /**
   * @throws InvalidSettingException unless 0 ≤ rate < 1
   */
  public DropoutRegularization {
    if (!(rate >= 0 && rate < 1)) {
      throw new InvalidSettingException("dropout", rate, "expected 0 <= P < 1");
    }
  }

  @Override
  public String id() {
    return "dropout";
  }

  @Override
  public String description() {
    return "dropout (p = " + rate + ")";
  }

  @Override
  public void writeSettings(ObjectNode json, Architecture model) {
    json.put("dropout", rate);
  }

  @Override
  public double dropoutRate() {
    return rate;
  }
}
