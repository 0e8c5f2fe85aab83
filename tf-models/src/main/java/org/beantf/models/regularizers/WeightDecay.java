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
 * Weight decay, (λ/2)·Σ‖W‖² over every kernel (dense and convolution; biases and batch norm not):
 * "l2".
 *
 * @param lambda λ, at least 0 (default per model: {@link
 *     org.beantf.models.ModelDefaults#weightDecay})
 */
public record WeightDecay(double lambda) implements Regularizer {

  /** Its type: "l2", setting l2. */
  public static final RegularizerType TYPE =
      new RegularizerType() {
        @Override
        public List<String> ids() {
          return List.of("l2");
        }

        @Override
        public List<String> parameters() {
          return List.of("l2");
        }

        @Override
        public Regularizer create(String id, Architecture model, Settings given) {
          return new WeightDecay(
              Strength.check("l2", given.number("l2", model.defaults().weightDecay())));
        }

        @Override
        public Regularizer fromJson(String id, Architecture model, JsonNode json) {
          return create(
              id,
              model,
              json.has("l2")
                  ? Settings.none().with("l2", json.get("l2").asDouble())
                  : Settings.none());
        }
      };

  /**
   * @throws org.beantf.data.InvalidSettingException ("l2") unless λ is a finite number ≥ 0
   */
  public WeightDecay {
    Strength.check("l2", lambda);
  }

  @Override
  public String id() {
    return "l2";
  }

  @Override
  public String description() {
    return "l2 (λ = " + lambda + ")";
  }

  @Override
  public void writeSettings(ObjectNode json, Architecture model) {
    json.put("l2", lambda);
  }

  @Override
  public Operand<TFloat32> penalty(Ops tf, PenaltyContext context) {
    Operand<TFloat32> squares = tf.constant(0f);
    for (VariableStore.Entry entry : context.variables().entries()) {
      if (entry.kind().kernel()) {
        squares =
            tf.math.add(
                squares,
                tf.reduceSum(
                    tf.math.square(tf.identity(entry.variable())), Strength.allAxes(tf, entry)));
      }
    }
    return tf.math.mul(squares, tf.constant((float) (lambda / 2)));
  }
}
