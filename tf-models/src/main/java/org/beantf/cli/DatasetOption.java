package org.beantf.cli;

import org.beantf.data.DatasetId;
import org.beantf.data.fetch.DatasetCache;
import picocli.CommandLine.Option;

/** The {@code --dataset} option, shared by the commands that read a dataset. */
final class DatasetOption {
  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "D",
      description = "mnist, fashion-mnist or cifar10")
  String name;

  /** The dataset named, or an {@link org.beantf.data.UnknownDatasetException} (exit 2). */
  DatasetId id() {
    return DatasetId.parse(name);
  }

  /** The cache at $BEAN_DATA, logging each fetch step on stderr. */
  static DatasetCache cache() {
    return DatasetCache.fromEnvironment(line -> System.err.println(line));
  }
}
