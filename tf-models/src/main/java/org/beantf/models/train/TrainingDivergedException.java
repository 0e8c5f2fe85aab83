package org.beantf.models.train;

/**
 * The loss became NaN or infinite: a failure at run time (exit 1); the last good checkpoint is
 * kept.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
