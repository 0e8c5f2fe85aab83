package org.beantf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.beantf.data.io.Folders;

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
    Folders.requireAbsentOrEmpty("--out", target, "");
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
