package org.beantf.data;

import org.beantf.data.fetch.DatasetCache;
import org.beantf.data.sources.Sources;

/**
 * Reads the dataset a {@link DatasetSpec} names: a built-in one from the cache (fetched on first
 * use), or the user's files. Touches no TensorFlow.
 */
public final class DatasetLoader {
  private DatasetLoader() {}

  /** What a long load reports: a count of files done, and notes. */
  public interface Listener {
    /** {@code done} of {@code total} {@code what} (such as "images") read so far. */
    void progress(String what, long done, long total);

    /** One line worth telling the user (files skipped, values rounded). */
    void note(String line);

    /** Reports nothing. */
    Listener SILENT =
        new Listener() {
          @Override
          public void progress(String what, long done, long total) {}

          @Override
          public void note(String line) {}
        };
  }

  /**
   * The dataset {@code spec} names.
   *
   * @param cache where built-in datasets are kept (and fetched to on first use)
   * @throws BadInputException (or a subclass) naming the file, row or class that is not as expected
   */
  public static Dataset load(DatasetSpec spec, DatasetCache cache, Listener listener) {
    return spec.kind() == DatasetSpec.Kind.BUILTIN
        ? cache.load(spec.builtin())
        : Sources.load(spec, listener);
  }
}
