package org.beantf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.BadInputException;
import org.beantf.savedmodels.SavedModelFiles;

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
    // the version BeanModel will load, its files checked; an incomplete newer version is passed
    // over, said once
    SavedModelFiles.resolve(model, System.err::println);
  }
}
