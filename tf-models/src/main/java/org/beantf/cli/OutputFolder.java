package org.beantf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;

/**
 * An {@code --out} folder that must be absent or empty. Results are written into a temporary sibling folder
 * that becomes {@code --out} only when complete, so a failed command leaves nothing half-written.
 */
final class OutputFolder {
  private final Path target;

  private OutputFolder(Path target) {
    this.target = target;
  }

  /** Checks {@code --out} before any work is done: absent, or an empty folder. */
  static OutputFolder of(Path target) {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new BadInputException("--out " + target + ": is a file (expected an absent or empty folder)");
      }
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new BadInputException("--out " + target + ": folder is not empty (expected an absent or empty "
              + "folder)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + target, e);
      }
    }
    return new OutputFolder(target);
  }

  /** Creates the temporary folder to write into, next to {@code --out}. */
  Path stage() {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + target.getFileName() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder next to " + target, e);
    }
  }

  /** Makes the completed {@code staged} folder {@code --out}. */
  Path commit(Path staged) {
    try {
      Files.deleteIfExists(target); // an empty folder, checked by of()
      return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staged + " to " + target, e);
    }
  }
}
