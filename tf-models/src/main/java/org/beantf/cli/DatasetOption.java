package org.beantf.cli;

import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.data.images.AlphaBackground;
import picocli.CommandLine.Option;

/**
 * The {@code --dataset} option and the options of the user's own data, shared by the commands that
 * read a dataset (DESIGN.md "Datasets").
 */
final class DatasetOption {
  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "D",
      description =
          "mnist, fashion-mnist, cifar10, images:DIR (a subfolder per class), csv:FILE,"
              + " npy:X.npy,y.npy or idx:DIR")
  String name;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "csv: the label column (default the last)")
  String labelColumn;

  @Option(
      names = "--ignore-columns",
      split = ",",
      paramLabel = "a,b",
      description = "csv: columns that are neither features nor the label (an id, a date)")
  List<String> ignoreColumns;

  @Option(
      names = "--test-split",
      paramLabel = "F",
      description =
          "the fraction of each class held out for testing when the data has no test set"
              + " (default 0.2)")
  Double testSplit;

  @Option(
      names = "--test",
      paramLabel = "npy:Xt.npy,yt.npy",
      description = "npy: the test set, instead of a split")
  String test;

  @Option(
      names = "--image-size",
      paramLabel = "HxW",
      description = "images: resample every image to H×W (bilinear, as Keras)")
  String imageSize;

  @Option(
      names = "--channels",
      paramLabel = "1|3",
      description = "images: grey or colour (default 1 when every image is grey)")
  Integer channels;

  @Option(
      names = "--alpha-background",
      paramLabel = "white|black",
      description = "images: composite transparent pixels over this (default: refuse them)")
  String alphaBackground;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "images: refuse larger images from their header (default 50000000)")
  Long maxPixels;

  /**
   * The source named, with its options, checked without touching a file.
   *
   * @throws InvalidSettingException naming the option that is wrong (exit 2)
   */
  DatasetSpec spec() {
    DatasetSpec.Builder builder = DatasetSpec.parse(name);
    if (labelColumn != null) {
      builder.labelColumn(labelColumn);
    }
    if (ignoreColumns != null) {
      builder.ignoreColumns(ignoreColumns);
    }
    if (testSplit != null) {
      builder.testSplit(testSplit);
    }
    if (test != null) {
      builder.test(test);
    }
    if (imageSize != null) {
      String[] hw = imageSize.toLowerCase(Locale.ROOT).split("x", -1);
      try {
        if (hw.length != 2) {
          throw new NumberFormatException();
        }
        builder.imageSize(Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
      } catch (NumberFormatException e) {
        throw new InvalidSettingException(
            "image-size", imageSize, "expected HxW with both sides >= 1, as 28x28");
      }
    }
    if (channels != null) {
      builder.channels(channels);
    }
    if (alphaBackground != null) {
      builder.alphaBackground(alpha(alphaBackground));
    }
    if (maxPixels != null) {
      builder.maxPixels(maxPixels);
    }
    return builder.build();
  }

  /** True when an option of the user's data was given (not only {@code --dataset}). */
  boolean hasOptions() {
    return labelColumn != null
        || ignoreColumns != null
        || testSplit != null
        || test != null
        || imageSize != null
        || channels != null
        || alphaBackground != null
        || maxPixels != null;
  }

  private static AlphaBackground alpha(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "white" -> AlphaBackground.WHITE;
      case "black" -> AlphaBackground.BLACK;
      default ->
          throw new InvalidSettingException("alpha-background", value, "expected white or black");
    };
  }

  /**
   * The built-in dataset named (for commands that only take those).
   *
   * @throws InvalidSettingException for any other source
   */
  DatasetId id() {
    for (DatasetSpec.Kind kind : DatasetSpec.Kind.values()) {
      if (kind != DatasetSpec.Kind.BUILTIN && name.startsWith(kind.prefix())) {
        throw new InvalidSettingException(
            "dataset",
            name,
            "expected a built-in dataset, one of "
                + DatasetId.names()
                + " (your own files are read where they are)");
      }
    }
    return DatasetId.parse(name);
  }

  /**
   * The dataset {@code spec} names, fetching a built-in one on first use, with a progress bar; the
   * caller prints its {@link Dataset#summary} once the data is known to fit.
   */
  static Dataset load(DatasetSpec spec) {
    try (LoadBar bar = new LoadBar()) {
      return DatasetLoader.load(spec, cache(), bar);
    }
  }

  /** The cache at $BEAN_DATA, logging each fetch step on stderr. */
  static DatasetCache cache() {
    return DatasetCache.fromEnvironment(line -> System.err.println(line));
  }

  /** Draws the decoding of an image folder as a bar on stderr; notes go on lines of their own. */
  private static final class LoadBar implements DatasetLoader.Listener, AutoCloseable {
    private ProgressBar bar;

    @Override
    public synchronized void progress(String what, long done, long total) {
      if (!ProgressBarListener.INTERACTIVE) {
        return;
      }
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("loading " + what)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
      }
      bar.stepTo(done);
    }

    @Override
    public void note(String line) {
      System.err.println(line);
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
