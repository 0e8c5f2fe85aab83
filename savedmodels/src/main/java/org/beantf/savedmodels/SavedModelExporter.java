package org.beantf.savedmodels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.beantf.data.io.OutputWriteException;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes a SavedModel in TensorFlow Serving's layout, {@code <base>/<name>/<version>/}: into a
 * temporary folder beside the version first, renamed only once complete, so a failed export leaves
 * nothing behind and an existing version is never touched.
 */
public final class SavedModelExporter {
  private SavedModelExporter() {}

  /**
   * The next free version under {@code <base>/<name>}: one more than the largest numeric folder, or
   * 1.
   */
  public static long nextVersion(Path base, String name) {
    Path model = base.resolve(name);
    if (!Files.isDirectory(model)) {
      return 1;
    }
    try (Stream<Path> entries = Files.list(model)) {
      return entries
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("\\d{1,18}"))
              .mapToLong(Long::parseLong)
              .max()
              .orElse(0)
          + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + model, e);
    }
  }

  /**
   * Exports {@code session}'s graph and variables with {@code signatures} (tag "serve") as {@code
   * <base>/<name>/<version>}.
   *
   * @return the version folder
   * @throws VersionExistsException if that version exists
   * @throws OutputWriteException if it cannot be written (the reason: no space left on device,
   *     read-only file system, …); nothing is left behind, not even the folders it made
   */
  public static Path export(
      Session session, List<Signature> signatures, Path base, String name, long version) {
    return export(session, signatures, base, name, version, Map.of());
  }

  /**
   * As {@link #export(Session, List, Path, String, long)}, with text files in the version's {@code
   * assets/} (file name → content, UTF-8), written before the version appears.
   */
  public static Path export(
      Session session,
      List<Signature> signatures,
      Path base,
      String name,
      long version,
      Map<String, String> assets) {
    if (version < 1) {
      throw new IllegalArgumentException(
          "version " + version + " (expected ≥ 1: TensorFlow Serving's versions)");
    }
    Path target = base.resolve(name).resolve(Long.toString(version));
    if (Files.exists(target)) {
      throw new VersionExistsException(target);
    }
    Path temporary = null;
    Path created = firstMissing(target.getParent());
    try {
      Files.createDirectories(target.getParent());
      temporary = hiddenFolder(target.getParent(), "." + version + "-export-");
      SavedModelBundle.Exporter exporter =
          SavedModelBundle.exporter(temporary.toString())
              .withTags(SavedModelContract.TAG)
              .withSession(session);
      for (Signature signature : signatures) {
        exporter.withSignature(signature);
      }
      exporter.export();
      for (Map.Entry<String, String> asset : assets.entrySet()) {
        Path file = temporary.resolve("assets").resolve(asset.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, asset.getValue(), StandardCharsets.UTF_8);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      created = null;
      return target;
    } catch (IOException | RuntimeException e) {
      // TensorFlow's writer fails with a RuntimeException whose message names its temporary file
      throw OutputWriteException.of(target, e);
    } finally {
      deleteQuietly(temporary);
      deleteEmptyFolders(target.getParent(), created);
    }
  }

  /**
   * Deletes {@code folder} and its parents up to {@code outermost}, the folders this export made,
   * while they are empty (null: none was made).
   */
  private static void deleteEmptyFolders(Path folder, Path outermost) {
    if (outermost == null) {
      return;
    }
    for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        return; // not empty, or gone: leave it
      }
      if (p.equals(outermost)) {
        return;
      }
    }
  }

  /** The outermost folder of {@code folder}'s path that does not exist yet, or null. */
  private static Path firstMissing(Path folder) {
    Path missing = null;
    for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /**
   * A new hidden folder in {@code parent}: not Files.createTempDirectory, which makes it private
   * (rwx------), so that the version it becomes follows the umask and a TF Serving process of
   * another user can read it.
   */
  private static Path hiddenFolder(Path parent, String prefix) throws IOException {
    while (true) {
      Path folder =
          parent.resolve(
              prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
      try {
        return Files.createDirectory(folder);
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // best effort: the folder is hidden and never read as a version
    }
  }
}
