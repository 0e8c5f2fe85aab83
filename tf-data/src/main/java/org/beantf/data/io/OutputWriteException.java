package org.beantf.data.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An output that could not be written once the work had started: one line naming the target and the
 * operating system's reason ("no space left on device", "read-only file system"), whatever layer
 * failed (Java's file API, or TensorFlow's own writer, whose message buries the reason in a
 * temporary file's name).
 */
public final class OutputWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reasons worth finding in a message, as the C library spells them. */
  private static final List<String> REASONS =
      List.of(
          "No space left on device",
          "Disk quota exceeded",
          "Read-only file system",
          "Permission denied",
          "File name too long",
          "Not a directory",
          "Input/output error");

  private OutputWriteException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "{@code target}: cannot write (reason)". */
  public static OutputWriteException of(Path target, Throwable cause) {
    return new OutputWriteException(target + ": cannot write (" + reason(cause) + ")", cause);
  }

  /**
   * The operating system's reason for {@code failure} or one of its causes, in lower case ("no
   * space left on device"); else the first line of its message.
   */
  public static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      for (String reason : REASONS) {
        if (message.contains(reason)) {
          return reason.toLowerCase(Locale.ROOT);
        }
      }
      if (t instanceof FileSystemException fs) {
        // Java's message for a denied access is the file's name alone: its class is the reason
        String reason = Folders.reason(fs);
        return REASONS.contains(reason) ? reason.toLowerCase(Locale.ROOT) : reason;
      }
    }
    String message = failure.getMessage();
    if (failure instanceof IOException && message == null) {
      return failure.toString();
    }
    return message == null ? failure.toString() : message.lines().findFirst().orElse("");
  }
}
