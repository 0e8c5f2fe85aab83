package org.beantf.data.fetch;

import java.util.List;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;

/**
 * Matches the names files go by in folders, packages and archives to a dataset's {@link DataFile}s.
 */
final class FileNames {
  private FileNames() {}

  /**
   * The data file {@code entryName} (a path inside an archive, or a file name) stands for, or null.
   * Accepted: the cache name, with ".gz", and the dotted variant of the IDX names
   * ("train-images.idx3-ubyte").
   */
  static DataFile match(DatasetId id, String entryName) {
    String base = entryName.substring(entryName.lastIndexOf('/') + 1);
    for (DataFile file : id.files()) {
      for (String candidate : candidates(file)) {
        if (base.equals(candidate) || base.equals(candidate + ".gz")) {
          return file;
        }
      }
    }
    return null;
  }

  /** The names a folder may hold {@code file} under, preferred first. */
  static List<String> candidates(DataFile file) {
    String dotted = file.name().replace("-idx", ".idx");
    return dotted.equals(file.name()) ? List.of(file.name()) : List.of(file.name(), dotted);
  }
}
