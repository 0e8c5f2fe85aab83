package org.beantf.savedmodels;

/**
 * A folder that is not a loadable BEAN SavedModel: missing, without saved_model.pb, or without its
 * contract.
 */
public final class InvalidModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidModelException(String message) {
    super(message);
  }
}
