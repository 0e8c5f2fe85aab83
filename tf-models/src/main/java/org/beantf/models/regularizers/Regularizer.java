package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beantf.models.Architecture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One regularizer of a run, with its settings resolved and checked ({@link
 * RegularizerType#create}): what it adds to the training loss, what it asks of the model, how
 * config.json records it and how reports describe it. The regularizers a project knows are
 * registered in {@link Regularizers}.
 */
public interface Regularizer {

  /** Its name in {@code --reg} and in config.json's "reg" list ("bean2", "dropout"). */
  String id();

  /** What it is with its settings, for reports: "bean2 (α = 100000.0)". */
  String description();

  /**
   * Writes its settings into config.json's flat object, under the keys its type reads back in
   * {@link RegularizerType#fromJson} (Keras's {@code get_config}), for a run of {@code model}.
   */
  void writeSettings(ObjectNode json, Architecture model);

  /**
   * The penalty it adds to the training loss, built in {@code tf}'s scope for one training pass, or
   * null when it adds none (dropout acts on the model instead).
   */
  default Operand<TFloat32> penalty(Ops tf, PenaltyContext context) {
    return null;
  }

  /**
   * The dropout rate it asks of the model (which applies it after its dense hidden layers, or
   * ResNet18's pooled features), 0 for none.
   */
  default double dropoutRate() {
    return 0;
  }
}
