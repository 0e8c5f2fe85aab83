package org.beantf.data;

import java.nio.file.Path;

/**
 * Bad input from the user: a file, an argument or a shape that is not what was expected.
 *
 * <p>The message is one line that names what was wrong (the file or argument, the value or offset)
 * and what was expected. The command line prints it and exits with code 2; each kind of bad input
 * has its own subclass.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "{@code file}: {@code detail}", the form every file-related message takes. */
  protected static String about(Path file, String detail) {
    return file + ": " + detail;
  }
}
