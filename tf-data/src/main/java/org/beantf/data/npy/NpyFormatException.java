package org.beantf.data.npy;

import java.nio.file.Path;
import org.beantf.data.BadInputException;

/**
 * A file that is not a readable NPY matrix: missing, bad magic, an unsupported version or dtype, a
 * shape that is not 2-D, or a header or data section that is malformed or truncated.
 *
 * <p>The message is one line, "{@code file}: {@code detail}", naming the offending value or byte
 * offset and what was expected.
 */
public final class NpyFormatException extends BadInputException {
  private static final long serialVersionUID = 1L;

  NpyFormatException(Path file, String detail) {
    super(about(file, detail));
  }
}
