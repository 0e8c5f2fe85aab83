package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Architecture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A regularizer that exists only in the tests, written as CONTRIBUTING.md "Add a regularizer" says:
 * λ·mean(logits²) ("logit-l2", a logit penalty), this class and one {@link Regularizers#register}
 * call.
 */
record LogitPenalty(double lambda) implements Regularizer {
  /**
   * Its default λ: one value for every model (a per-model default would add a field to
   * ModelDefaults).
   */
  static final double DEFAULT = 1e-3;

  static final RegularizerType TYPE =
      new RegularizerType() {
        @Override
        public List<String> ids() {
          return List.of("logit-l2");
        }

        @Override
        public List<String> parameters() {
          return List.of("logit-l2");
        }

        @Override
        public Regularizer create(String id, Architecture model, Settings given) {
          double lambda = given.number("logit-l2", DEFAULT);
          if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new InvalidSettingException("logit-l2", lambda, "expected a finite number >= 0");
          }
          return new LogitPenalty(lambda);
        }

        @Override
        public Regularizer fromJson(String id, Architecture model, JsonNode json) {
          return create(
              id,
              model,
              json.has("logit_l2")
                  ? Settings.none().with("logit-l2", json.get("logit_l2").asDouble())
                  : Settings.none());
        }
      };

  @Override
  public String id() {
    return "logit-l2";
  }

  @Override
  public String description() {
    return "logit-l2 (λ = " + lambda + ")";
  }

  @Override
  public void writeSettings(ObjectNode json, Architecture model) {
    json.put("logit_l2", lambda);
  }

  @Override
  public Operand<TFloat32> penalty(Ops tf, PenaltyContext context) {
    Operand<TFloat32> logits = context.pass().logits();
    Operand<TFloat32> meanSquare =
        tf.math.mean(tf.math.square(logits), tf.constant(new int[] {0, 1}));
    return tf.math.mul(meanSquare, tf.constant((float) lambda));
  }
}
