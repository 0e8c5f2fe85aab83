package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.beantf.models.Architecture;
import org.beantf.models.nn.VariableStore;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The ℓ1 penalty λ·Σ|w| over the dense layers' kernels and biases (as the authors' ℓ1 baseline):
 * "l1".
 *
 * @param lambda λ, at least 0 (default per model: {@link org.beantf.models.ModelDefaults#l1})
 */
public record L1Penalty(double lambda) implements Regularizer {

  /** Its type: "l1", setting l1. */
  public static final RegularizerType TYPE =
      new RegularizerType() {
        @Override
        public List<String> ids() {
          return List.of("l1");
        }

        @Override
        public List<String> parameters() {
          return List.of("l1");
        }

        @Override
        public Regularizer create(String id, Architecture model, Settings given) {
          return new L1Penalty(given.number("l1", model.defaults().l1()));
        }

        @Override
        public Regularizer fromJson(String id, Architecture model, JsonNode json) {
          return create(
              id,
              model,
              json.has("l1")
                  ? Settings.none().with("l1", json.get("l1").asDouble())
                  : Settings.none());
        }
      };

  /**
   * @throws org.beantf.data.InvalidSettingException ("l1") unless λ is a finite number ≥ 0
   */
  public L1Penalty {
    Strength.check("l1", lambda);
  }

  @Override
  public String id() {
    return "l1";
  }

  @Override
  public String description() {
    return "l1 (λ = " + lambda + ")";
  }

  @Override
  public void writeSettings(ObjectNode json, Architecture model) {
    json.put("l1", lambda);
  }

  @Override
  public Operand<TFloat32> penalty(Ops tf, PenaltyContext context) {
    Operand<TFloat32> magnitudes = tf.constant(0f);
    for (VariableStore.Entry entry : context.variables().entries()) {
      if (entry.kind().denseWeight()) {
        magnitudes =
            tf.math.add(
                magnitudes,
                tf.reduceSum(
                    tf.math.abs(tf.identity(entry.variable())), Strength.allAxes(tf, entry)));
      }
    }
    return tf.math.mul(magnitudes, tf.constant((float) lambda));
  }
}
