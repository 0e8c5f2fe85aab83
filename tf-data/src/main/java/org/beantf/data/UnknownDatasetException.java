package org.beantf.data;

/** A dataset name that is not one of {@link DatasetId}'s. */
public final class UnknownDatasetException extends InvalidSettingException {
  private static final long serialVersionUID = 1L;

  public UnknownDatasetException(String name, String expected) {
    super("dataset", name, "unknown dataset (expected one of " + expected + ")");
  }
}
