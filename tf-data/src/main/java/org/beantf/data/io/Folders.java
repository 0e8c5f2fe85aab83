package org.beantf.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.beantf.data.InvalidSettingException;

/**
 * The file-system steps that keep outputs whole: write to a temporary name, then rename; check,
 * then write.
 */
public final class Folders {
  private Folders() {}

  /**
   * Checks that {@code folder}, the setting {@code parameter} ("out"), is absent or an empty
   * folder, before any work is done.
   *
   * @param alternative what else the user may do, appended to the message (empty for nothing)
   * @throws InvalidSettingException if it is a file or a folder that is not empty
   */
  public static void requireAbsentOrEmpty(String parameter, Path folder, String alternative) {
    if (!Files.exists(folder)) {
      return;
    }
    if (!Files.isDirectory(folder)) {
      throw new InvalidSettingException(
          parameter, folder, "is a file (expected an absent or empty folder" + alternative + ")");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        throw new InvalidSettingException(
            parameter,
            folder,
            "folder is not empty (expected an absent or empty " + "folder" + alternative + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }

  /**
   * The operating system's reason for {@code e} ("Permission denied", "Read-only file system"),
   * else its message. Java leaves the reason out of the exceptions it has a class for (a denied
   * access, a missing file): their message is only the file's name, so the class gives the reason.
   */
  public static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException already) {
      return already.getFile() + " exists";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** The deepest folder on {@code path} that exists (the path itself if it does), or null. */
  static Path deepestExisting(Path path) {
    Path folder = path.toAbsolutePath().normalize();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    return folder;
  }

  /**
   * Renames {@code source} to {@code target}, atomically where the file system can, replacing it.
   */
  public static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Writes {@code content} to a hidden temporary file beside {@code file}, then renames it into
   * place.
   */
  public static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      moveIntoPlace(temporary, file);
    } catch (IOException e) {
      Files.deleteIfExists(temporary); // a full disk leaves no half temporary file behind
      throw e;
    }
  }

  /**
   * Deletes {@code folder} and everything in it; nothing happens if it does not exist (or is null).
   */
  public static void deleteRecursively(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
