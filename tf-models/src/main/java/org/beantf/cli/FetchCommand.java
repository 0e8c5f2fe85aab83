package org.beantf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bean fetch}: download (or import) a dataset into the cache and verify it. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Download a dataset (or import it from a folder) into the cache, verifying every file's "
          + "SHA-256.",
      "The cache is $BEAN_DATA (default ~/.cache/bean/datasets)."
    })
final class FetchCommand implements Callable<Integer> {
  @Mixin DatasetOption dataset;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description =
          "import from this folder: raw or gzip IDX files, or CIFAR-10's binary batches or archive")
  Path from;

  @Override
  public Integer call() {
    DatasetId id = dataset.id();
    Dataset loaded = DatasetOption.cache().fetch(id, from);
    System.out.println(loaded.summary());
    return 0;
  }
}
