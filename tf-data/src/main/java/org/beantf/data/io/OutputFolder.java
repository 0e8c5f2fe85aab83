package org.beantf.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An {@code --out} folder that must be absent or empty. Results are written into a temporary sibling folder
 * that becomes {@code --out} only when complete, so a failed command leaves nothing half-written.
 */
public final class OutputFolder {
  private final Path target;

  private OutputFolder(Path target) {
    this.target = target;
  }

  /**
   * Checks {@code --out} before any work is done: absent, or an empty folder.
   *
   * @throws org.beantf.data.BadInputException if it is a file or a folder that is not empty
   */
  public static OutputFolder of(Path target) {
    Folders.requireAbsentOrEmpty("--out", target, "");
    return new OutputFolder(target);
  }

  /** The folder the results will be in. */
  public Path target() {
    return target;
  }

  /** Creates the temporary folder to write into, next to {@code --out}. */
  public Path stage() {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      while (true) {
        // not Files.createTempDirectory, which makes the folder private (rwx------): it becomes --out, whose
        // permissions should follow the umask like any folder the user makes
        Path staged = parent.resolve("." + target.getFileName() + "-"
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
          return Files.createDirectory(staged);
        } catch (FileAlreadyExistsException e) {
          // another name
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder next to " + target, e);
    }
  }

  /** Makes the completed {@code staged} folder {@code --out}. */
  public Path commit(Path staged) {
    try {
      Files.deleteIfExists(target); // an empty folder, checked by of()
      return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staged + " to " + target, e);
    }
  }

  /** Deletes {@code staged} after a failure, so that nothing is left behind; a second failure is added to it. */
  public static void discard(Path staged, RuntimeException failure) {
    try {
      Folders.deleteRecursively(staged);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
