package org.beantf.data.sampling;

import org.beantf.data.InvalidSettingException;

/**
 * A class has fewer examples than a few-shot draw asks for, in the shots or in the validation set.
 */
public class NotEnoughExamplesException extends InvalidSettingException {
  private static final long serialVersionUID = 1L;

  /**
   * @param parameter the setting that asked for too many ("shots", "validation-per-class")
   */
  public NotEnoughExamplesException(String parameter, Object value, String problem) {
    super(parameter, value, problem);
  }
}
