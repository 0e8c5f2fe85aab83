package org.beantf.data.fetch;

/**
 * A source that cannot provide a dataset here (its tool is missing, the network refused): try the
 * next one.
 */
final class SourceUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  SourceUnavailableException(String message) {
    super(message);
  }
}
