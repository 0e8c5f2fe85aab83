package org.beantf.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.beantf.bean.Divergence;
import org.beantf.bean.Normalization;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.savedmodels.SavedModelContract;

/**
 * The BEAN settings a SavedModel was exported with, kept as its {@code assets/bean.json} ({@link
 * SavedModelContract#BEAN_SETTINGS_ASSET}): γ and the normalisation (which the {@code bean}
 * signature's correlation outputs were built with), the BEAN order trained with (0 without BEAN), α
 * and the divergence.
 *
 * @param alpha α of the BEAN regularizer, NaN without BEAN
 */
public record BeanSettings(
    double gamma, Normalization normalization, int order, double alpha, Divergence divergence) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The settings of a run trained with {@code config}. */
  public static BeanSettings of(TrainConfig config) {
    return config
        .bean()
        .map(
            b ->
                new BeanSettings(
                    config.gamma(), config.normalization(), b.order(), b.alpha(), b.divergence()))
        .orElse(
            new BeanSettings(
                config.gamma(), config.normalization(), 0, Double.NaN, Divergence.SQUARED));
  }

  /** The correlation matrix that shows this model's assemblies: A¹ for BEAN-1, A² otherwise. */
  public int correlationOrder() {
    return order == 1 ? 1 : 2;
  }

  /** The asset's text. */
  public String toJson() {
    ObjectNode json =
        JSON.createObjectNode()
            .put("gamma", gamma)
            .put("normalization", normalization.cliName())
            .put("order", order);
    if (Double.isNaN(alpha)) {
      json.putNull("alpha");
    } else {
      json.put("alpha", alpha);
    }
    json.put("divergence", divergence.cliName());
    json.putArray("correlation_orders").add(1).add(2);
    return json.toPrettyString() + "\n";
  }

  /**
   * The settings the SavedModel in {@code folder} (version folder or model base) was exported with;
   * empty for a model exported before they were recorded.
   *
   * @throws InvalidModelException if the asset is not such a record
   */
  public static Optional<BeanSettings> read(Path folder) {
    Optional<String> text = BeanModel.assetOf(folder, SavedModelContract.BEAN_SETTINGS_ASSET);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(text.get());
      return Optional.of(
          new BeanSettings(
              json.get("gamma").asDouble(),
              Normalization.valueOf(json.get("normalization").asText().toUpperCase(Locale.ROOT)),
              json.get("order").asInt(),
              json.get("alpha").isNull() ? Double.NaN : json.get("alpha").asDouble(),
              Divergence.valueOf(json.get("divergence").asText().toUpperCase(Locale.ROOT))));
    } catch (IOException | RuntimeException e) {
      throw new InvalidModelException(
          folder
              + ": assets/"
              + SavedModelContract.BEAN_SETTINGS_ASSET
              + " is not a BEAN settings record ("
              + e.getMessage()
              + ")");
    }
  }
}
