package org.beantf.serving;

/**
 * A request the REST API answers with an error: an HTTP status and one sentence, sent as TF Serving
 * sends errors, {@code {"error": "…"}}.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the request is malformed or does not match the model. */
  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** 404: no such model, version or path, or no version loaded yet. */
  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  int status() {
    return status;
  }
}
