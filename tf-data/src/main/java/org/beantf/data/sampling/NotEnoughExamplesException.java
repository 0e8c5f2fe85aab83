package org.beantf.data.sampling;

import org.beantf.data.BadInputException;

/** A class has fewer examples than a few-shot draw asks for, in the shots or in the validation set. */
public class NotEnoughExamplesException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public NotEnoughExamplesException(String message) {
    super(message);
  }
}
