package org.beantf.serving;

/**
 * {@code bean serve} cannot start: the port cannot be bound, a base folder cannot be read, or a
 * model has no version that loads. The message is one line naming what and why.
 */
public final class ServeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServeException(String message) {
    super(message);
  }
}
