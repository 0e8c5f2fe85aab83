package org.beantf.data.fetch;

/** No source could provide a dataset: a failure at run time (network, tools), not bad input. */
public final class FetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message);
  }
}
