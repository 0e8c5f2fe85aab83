package org.beantf.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;

/** Unpacks the dataset's files from an archive stream into a staging folder. */
final class Staging {
  private Staging() {}

  /** Extracts every tar entry that is one of {@code id}'s files; returns data-file name → staged path. */
  static Map<String, Path> extractTar(DatasetId id, InputStream tar, Path staging) throws IOException {
    Map<String, Path> staged = new LinkedHashMap<>();
    Tar.extract(tar, entry -> {
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
