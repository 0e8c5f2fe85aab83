package org.beantf.data;

import java.nio.file.Path;

/** A dataset file (IDX or CIFAR-10 binary) whose bytes are not what its format says. */
public final class DataFormatException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public DataFormatException(Path file, String detail) {
    super(about(file, detail));
  }
}
