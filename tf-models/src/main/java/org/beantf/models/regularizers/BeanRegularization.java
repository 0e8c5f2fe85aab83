package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.bean.BeanRegularizer;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Architecture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * BEAN-1 or BEAN-2 (paper Eq. 1): α·Σ L over the BEAN layers, through {@link BeanRegularizer} with
 * the run's γ, normalisation and batch size.
 *
 * @param order 1 (A¹) or 2 (A²)
 * @param alpha α, at least 0 (default per model and order: {@link
 *     org.beantf.models.ModelDefaults#alpha})
 * @param divergence d of Eq. 1
 * @param form the exact form of Eq. 1 to build (dense and lowrank exist for the squared divergence
 *     only)
 * @param layers the BEAN layers regularized; empty for all of the model's
 */
public record BeanRegularization(
    int order, double alpha, Divergence divergence, LossForm form, List<String> layers)
    implements Regularizer {

  /** Its type: "bean1" and "bean2", settings alpha, divergence, form and bean-layers. */
  public static final RegularizerType TYPE =
      new RegularizerType() {
        @Override
        public List<String> ids() {
          return List.of("bean1", "bean2");
        }

        @Override
        public List<String> parameters() {
          return List.of("alpha", "divergence", "form", "bean-layers");
        }

        @Override
        public Regularizer create(String id, Architecture model, Settings given) {
          int order = id.equals("bean1") ? 1 : 2;
          return checked(
              model,
              order,
              given.number("alpha", model.defaults().alpha(order)),
              given.choice("divergence", Divergence.class, Divergence.SQUARED),
              given.choice("form", LossForm.class, LossForm.AUTO),
              given.list("bean-layers"));
        }

        @Override
        public Regularizer fromJson(String id, Architecture model, JsonNode json) {
          int order = id.equals("bean1") ? 1 : 2;
          List<String> layers = new ArrayList<>();
          json.path("bean_layers").forEach(l -> layers.add(l.asText()));
          if (layers.equals(model.beanLayerNames())) {
            layers
                .clear(); // every layer of the model: the configuration says so with an empty list
          }
          Settings settings = Settings.none().with("bean-layers", layers);
          for (String key : List.of("alpha", "divergence", "form")) {
            if (json.has(key)) {
              settings = settings.with(key, json.get(key).asText());
            }
          }
          return create(id, model, settings);
        }
      };

  /**
   * @throws InvalidSettingException unless the order is 1 or 2 and α a finite number ≥ 0, or for a
   *     form that does not exist for the divergence (the layers are checked against the model by
   *     {@link #TYPE}'s {@code create})
   */
  public BeanRegularization {
    layers = List.copyOf(layers);
    if (order != 1 && order != 2) {
      throw new IllegalArgumentException("BEAN order " + order + " (expected 1 or 2)");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new InvalidSettingException("alpha", alpha, "expected a finite number >= 0");
    }
    if (divergence == Divergence.ABSOLUTE && (form == LossForm.DENSE || form == LossForm.LOWRANK)) {
      throw new InvalidSettingException(
          "form",
          form.cliName(),
          "exists only for the squared divergence (expected auto or broadcast with --divergence absolute)");
    }
  }

  private static BeanRegularization checked(
      Architecture model,
      int order,
      double alpha,
      Divergence divergence,
      LossForm form,
      List<String> layers) {
    for (String layer : layers) {
      if (!model.beanLayerNames().contains(layer)) {
        throw new InvalidSettingException(
            "bean-layers",
            String.join(",", layers),
            model
                + " has no BEAN layer '"
                + layer
                + "' (expected some of "
                + String.join(", ", model.beanLayerNames())
                + ")");
      }
    }
    return new BeanRegularization(order, alpha, divergence, form, layers);
  }

  @Override
  public String id() {
    return "bean" + order;
  }

  @Override
  public String description() {
    return id() + " (α = " + alpha + ")";
  }

  /**
   * Writes α, the divergence, the form and the BEAN layers (all of {@code model}'s when the run
   * names none).
   */
  @Override
  public void writeSettings(ObjectNode json, Architecture model) {
    json.put("alpha", alpha).put("divergence", divergence.cliName()).put("form", form.cliName());
    ArrayNode names = json.putArray("bean_layers");
    (layers.isEmpty() ? model.beanLayerNames() : layers).forEach(names::add);
  }

  @Override
  public Operand<TFloat32> penalty(Ops tf, PenaltyContext context) {
    BeanRegularizer bean =
        new BeanRegularizer(
            order,
            divergence,
            context.gamma(),
            alpha,
            form,
            context.normalization(),
            context.batchSize());
    return bean.penalty(tf.withSubScope("bean"), selected(context.pass().beanLayers()));
  }

  /** The BEAN layers this regularizes: all, or those named. */
  List<BeanLayer<TFloat32>> selected(List<BeanLayer<TFloat32>> all) {
    return layers.isEmpty() ? all : all.stream().filter(l -> layers.contains(l.name())).toList();
  }
}
