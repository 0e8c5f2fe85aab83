package org.beantf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.BadInputException;

/** Checks a {@code --model} folder before TensorFlow loads, so a wrong path is one clean line. */
final class ModelFolder {
  private ModelFolder() {}

  static void requireExists(Path model) {
    if (!Files.isDirectory(model)) {
      throw new BadInputException(
          "--model "
              + model
              + ": no such folder (expected a SavedModel folder or model "
              + "base)");
    }
  }
}
