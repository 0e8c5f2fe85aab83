package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.beantf.models.Architecture;

/**
 * A kind of regularizer, registered in {@link Regularizers}: its names, the settings it takes with
 * their defaults per model, their one validation, and how config.json records them (Keras's {@code
 * get_config}/{@code from_config}). Adding a regularizer is a class implementing this and {@link
 * Regularizer}, and one line in {@link Regularizers} (CONTRIBUTING.md "Add a regularizer").
 */
public interface RegularizerType {

  /**
   * The names it answers to in {@code --reg}; a run takes at most one of them ("bean1", "bean2").
   */
  List<String> ids();

  /**
   * The settings it takes, spelt as the command line's options without dashes ("alpha",
   * "bean-layers"); a setting without an option of its own is given as {@code --reg-option
   * NAME=VALUE}.
   */
  List<String> parameters();

  /**
   * The regularizer {@code id} for {@code model}, from the settings {@code given} (those not given
   * take the model's defaults), checked.
   *
   * @throws org.beantf.data.InvalidSettingException naming the setting that is not valid
   */
  Regularizer create(String id, Architecture model, Settings given);

  /**
   * The regularizer {@code id} as config.json's flat object records it (the inverse of {@link
   * Regularizer#writeSettings}).
   *
   * @throws org.beantf.data.InvalidSettingException if a setting is not valid (a missing one takes
   *     its default, as for a type registered after the run was made)
   */
  Regularizer fromJson(String id, Architecture model, JsonNode json);
}
