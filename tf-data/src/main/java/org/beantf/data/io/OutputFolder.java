package org.beantf.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.beantf.data.InvalidSettingException;

/**
 * An {@code --out} folder that must be absent or empty. Results are written into a hidden sibling
 * folder that becomes {@code --out} only when complete, so a failed command leaves nothing
 * half-written: the sibling is deleted on a failure ({@link #discard}) and when the JVM is stopped
 * by SIGINT or SIGTERM before the commit (a SIGKILL leaves it: nothing runs then).
 */
public final class OutputFolder {
  /** Staged folders not yet committed or discarded: what the shutdown hook deletes. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path staged : PENDING) {
                    try {
                      Folders.deleteRecursively(staged);
                      System.err.println(
                          "bean: stopped before the end; removed the unfinished " + staged);
                    } catch (IOException | RuntimeException e) {
                      // best effort while the JVM stops: the work thread may still be writing into
                      // it
                    }
                  }
                },
                "bean-output-cleanup"));
  }

  private final Path target;

  private OutputFolder(Path target) {
    this.target = target;
  }

  /**
   * Checks {@code --out} before any work is done: a folder name (not "" or "."), absent or an empty
   * folder, not a mount point (which cannot be replaced by a rename), under a folder (not under a
   * file).
   *
   * @throws InvalidSettingException naming {@code out} and what was wrong
   */
  public static OutputFolder of(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    Path name = target.getFileName();
    if (name == null
        || absolute.getFileName() == null
        || List.of("", ".", "..").contains(name.toString())) {
      throw new InvalidSettingException(
          "out",
          "'" + target + "'",
          "expected a folder name (the current folder or " + "the root cannot become the output)");
    }
    Folders.requireAbsentOrEmpty("out", target, "");
    Path ancestor = Folders.deepestExisting(absolute.getParent());
    if (ancestor != null && !Files.isDirectory(ancestor)) {
      throw new InvalidSettingException(
          "out", target, "" + ancestor + " is a file (expected a folder there)");
    }
    if (Files.isDirectory(absolute)) {
      try {
        if (!Files.getFileStore(absolute).equals(Files.getFileStore(absolute.getParent()))) {
          throw new InvalidSettingException(
              "out",
              target,
              "is a mount point, which cannot be replaced (expected " + "a folder inside it)");
        }
      } catch (IOException e) {
        throw new InvalidSettingException(
            "out", target, "cannot be read (" + Folders.reason(e) + ")", e);
      }
    }
    return new OutputFolder(target);
  }

  /** The folder the results will be in. */
  public Path target() {
    return target;
  }

  /**
   * Creates the hidden folder to write into, next to {@code --out}.
   *
   * @throws InvalidSettingException if it cannot be created, with the file system's reason
   *     (read-only file system, permission denied, no space left on device, file name too long)
   */
  public Path stage() {
    Path parent = target.toAbsolutePath().normalize().getParent();
    try {
      Files.createDirectories(parent);
      while (true) {
        // not Files.createTempDirectory, which makes the folder private (rwx------): it becomes
        // --out, whose
        // permissions should follow the umask like any folder the user makes
        Path staged =
            parent.resolve(
                "."
                    + target.toAbsolutePath().normalize().getFileName()
                    + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
          Files.createDirectory(staged);
          PENDING.add(staged);
          return staged;
        } catch (FileAlreadyExistsException e) {
          // another name
        }
      }
    } catch (IOException e) {
      // the folder that refused: the deepest one that exists, not a missing one under it
      throw new InvalidSettingException(
          "out",
          target,
          "cannot create a folder in "
              + Folders.deepestExisting(parent)
              + " ("
              + Folders.reason(e)
              + ")",
          e);
    }
  }

  /** Makes the completed {@code staged} folder {@code --out}. */
  public Path commit(Path staged) {
    try {
      Files.deleteIfExists(target); // an empty folder, checked by of()
      Path committed = Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      PENDING.remove(staged);
      return committed;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + staged + " to " + target + " (" + Folders.reason(e) + ")", e);
    }
  }

  /**
   * Deletes {@code staged} after a failure, so that nothing is left behind; a second failure is
   * added to it.
   */
  public static void discard(Path staged, RuntimeException failure) {
    try {
      Folders.deleteRecursively(staged);
      PENDING.remove(staged);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
