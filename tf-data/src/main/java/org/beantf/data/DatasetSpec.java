package org.beantf.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.beantf.data.images.AlphaBackground;

/**
 * Where a dataset comes from and how to read it: what {@code --dataset} names, with the options
 * that go with it (DESIGN.md "Datasets"). Parsing and checking touch no file; {@link DatasetLoader}
 * reads them.
 *
 * <p>The forms: a built-in name ({@code mnist}, {@code fashion-mnist}, {@code cifar10}); {@code
 * images:DIR}, one subfolder per class (Keras's {@code image_dataset_from_directory}, DJL's {@code
 * ImageFolder}); {@code csv:FILE}, a table with a header row; {@code npy:X.npy,y.npy}, arrays of
 * examples and integer labels; {@code idx:DIR}, an MNIST-style IDX folder (EMNIST, KMNIST, QMNIST).
 *
 * @param text the {@code --dataset} value as given, recorded in the run
 * @param builtin the built-in dataset, for {@link Kind#BUILTIN} only
 * @param path the folder or file named ({@code X.npy} for npy)
 * @param labels {@code y.npy}, for npy only
 * @param testPath the test set's {@code Xt.npy} ({@code --test}), or null to split
 * @param testLabels the test set's {@code yt.npy}, or null
 * @param labelColumn the CSV column holding the labels, or null for the last
 * @param ignoredColumns CSV columns that are neither features nor the label (an id, a date)
 * @param height images are resampled to this height, or 0 to keep one common size
 * @param width images are resampled to this width, or 0
 * @param channels 1 or 3 to convert images, 0 for 1 when every image is grey, else 3
 * @param alphaBackground what non-opaque pixels are composited over, or refused
 * @param maxPixels images larger than this many pixels are refused from their header
 * @param testSplit the fraction of each class held out as the test set when the source has none
 */
public record DatasetSpec(
    Kind kind,
    String text,
    DatasetId builtin,
    Path path,
    Path labels,
    Path testPath,
    Path testLabels,
    String labelColumn,
    List<String> ignoredColumns,
    int height,
    int width,
    int channels,
    AlphaBackground alphaBackground,
    long maxPixels,
    double testSplit) {

  /** The default of {@code --test-split}: a fifth of each class. */
  public static final double DEFAULT_TEST_SPLIT = 0.2;

  /** The default of {@code --max-pixels}: 50 million pixels (a 7071 × 7071 image). */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  /** The forms of {@code --dataset}. */
  public enum Kind {
    BUILTIN(""),
    IMAGES("images:"),
    CSV("csv:"),
    NPY("npy:"),
    IDX("idx:");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    /** "images:", "csv:", …; empty for a built-in name. */
    public String prefix() {
      return prefix;
    }
  }

  /** True when the source brings its own test set, so {@code --test-split} does not apply. */
  public boolean hasOwnTestSet() {
    return kind == Kind.BUILTIN || kind == Kind.IDX || (kind == Kind.NPY && testPath != null);
  }

  /**
   * The source {@code text} names, with every option at its default.
   *
   * @throws InvalidSettingException ("dataset") for an unknown name or an empty path
   */
  public static Builder parse(String text) {
    for (Kind kind : Kind.values()) {
      if (kind != Kind.BUILTIN && text.startsWith(kind.prefix)) {
        String rest = text.substring(kind.prefix.length());
        if (rest.isEmpty()) {
          throw new InvalidSettingException(
              "dataset", text, "no path after " + kind.prefix + " (expected " + form(kind) + ")");
        }
        Builder builder = new Builder(kind, text);
        if (kind == Kind.NPY) {
          Path[] pair = npyPair(text, rest);
          builder.path = pair[0];
          builder.labels = pair[1];
        } else {
          builder.path = path(rest);
        }
        return builder;
      }
    }
    Builder builder = new Builder(Kind.BUILTIN, text);
    try {
      builder.builtin = DatasetId.parse(text);
    } catch (UnknownDatasetException e) {
      throw new UnknownDatasetException(
          text, DatasetId.names() + ", or images:DIR, csv:FILE, npy:X.npy,y.npy, idx:DIR");
    }
    return builder;
  }

  /** A built-in dataset. */
  public static DatasetSpec of(DatasetId id) {
    return parse(id.cliName()).build();
  }

  /** {@code images:DIR}, to set options on. */
  public static Builder images(Path folder) {
    return parse(Kind.IMAGES.prefix + folder);
  }

  /** {@code csv:FILE}, to set options on. */
  public static Builder csv(Path file) {
    return parse(Kind.CSV.prefix + file);
  }

  /** {@code npy:X,y}, to set options on. */
  public static Builder npy(Path examples, Path labels) {
    return parse(Kind.NPY.prefix + examples + "," + labels);
  }

  /** {@code idx:DIR}. */
  public static Builder idx(Path folder) {
    return parse(Kind.IDX.prefix + folder);
  }

  /** "X.npy,y.npy", split at the last comma (a folder name may hold a comma). */
  private static Path[] npyPair(String text, String pair) {
    int comma = pair.lastIndexOf(',');
    if (comma <= 0 || comma == pair.length() - 1) {
      throw new InvalidSettingException(
          "dataset", text, "expected " + form(Kind.NPY) + ", two files split by a comma");
    }
    return new Path[] {path(pair.substring(0, comma)), path(pair.substring(comma + 1))};
  }

  /**
   * {@code text} as a path, with a leading {@code ~/} as the home folder: the shell expands {@code
   * ~} only at the start of a word, not after {@code images:}.
   */
  private static Path path(String text) {
    if (text.equals("~") || text.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"))
          .resolve(text.substring(1).replaceFirst("^/", ""));
    }
    return Path.of(text);
  }

  private static String form(Kind kind) {
    return switch (kind) {
      case BUILTIN -> DatasetId.names();
      case IMAGES -> "images:DIR, a folder with one subfolder per class";
      case CSV -> "csv:FILE, a table with a header row";
      case NPY -> "npy:X.npy,y.npy";
      case IDX -> "idx:DIR, a folder of IDX image and label files";
    };
  }

  /**
   * The options of a dataset source, as the command line gives them; {@link #build} checks that
   * each applies to the source and is in range.
   */
  public static final class Builder {
    private final Kind kind;
    private final String text;
    private DatasetId builtin;
    private Path path;
    private Path labels;
    private Path testPath;
    private Path testLabels;
    private String labelColumn;
    private List<String> ignoredColumns = List.of();
    private int height;
    private int width;
    private int channels;
    private AlphaBackground alphaBackground = AlphaBackground.REFUSE;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private Double testSplit;
    private String testText;

    private Builder(Kind kind, String text) {
      this.kind = kind;
      this.text = text;
    }

    /** {@code --label-column NAME} (csv). */
    public Builder labelColumn(String name) {
      this.labelColumn = name;
      return this;
    }

    /** {@code --ignore-columns a,b} (csv): columns that are neither features nor the label. */
    public Builder ignoreColumns(List<String> names) {
      this.ignoredColumns = List.copyOf(names);
      return this;
    }

    /** {@code --image-size HxW} (images): every image resampled to this size. */
    public Builder imageSize(int height, int width) {
      this.height = height;
      this.width = width;
      return this;
    }

    /** {@code --channels 1|3} (images). */
    public Builder channels(int channels) {
      this.channels = channels;
      return this;
    }

    /** {@code --alpha-background white|black} (images). */
    public Builder alphaBackground(AlphaBackground background) {
      this.alphaBackground = background;
      return this;
    }

    /** {@code --max-pixels N} (images). */
    public Builder maxPixels(long pixels) {
      this.maxPixels = pixels;
      return this;
    }

    /**
     * {@code --test-split F}: the fraction of each class held out when the source has no test set.
     */
    public Builder testSplit(double fraction) {
      this.testSplit = fraction;
      return this;
    }

    /** {@code --test npy:Xt.npy,yt.npy} (npy): the test set, instead of a split. */
    public Builder test(String npyPair) {
      this.testText = npyPair;
      return this;
    }

    /**
     * The checked source.
     *
     * @throws InvalidSettingException naming the first option that does not apply or is out of
     *     range
     */
    public DatasetSpec build() {
      if (labelColumn != null && kind != Kind.CSV) {
        notFor("label-column", labelColumn);
      }
      if (!ignoredColumns.isEmpty() && kind != Kind.CSV) {
        notFor("ignore-columns", String.join(",", ignoredColumns));
      }
      if ((height != 0 || width != 0) && kind != Kind.IMAGES) {
        notFor("image-size", height + "x" + width);
      }
      if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
        throw new InvalidSettingException(
            "image-size", height + "x" + width, "expected HxW with both sides >= 1, as 28x28");
      }
      if (channels != 0 && kind != Kind.IMAGES) {
        notFor("channels", channels);
      }
      if (channels != 0 && channels != 1 && channels != 3) {
        throw new InvalidSettingException("channels", channels, "expected 1 or 3");
      }
      if (alphaBackground != AlphaBackground.REFUSE && kind != Kind.IMAGES) {
        notFor("alpha-background", alphaBackground.name().toLowerCase(Locale.ROOT));
      }
      if (maxPixels != DEFAULT_MAX_PIXELS && kind != Kind.IMAGES) {
        notFor("max-pixels", maxPixels);
      }
      if (maxPixels < 1) {
        throw new InvalidSettingException("max-pixels", maxPixels, "expected an integer >= 1");
      }
      if (testText != null) {
        if (kind != Kind.NPY) {
          notFor("test", testText);
        }
        if (!testText.startsWith(Kind.NPY.prefix)
            || testText.length() == Kind.NPY.prefix.length()) {
          throw new InvalidSettingException("test", testText, "expected npy:Xt.npy,yt.npy");
        }
        Path[] pair = npyPair(testText, testText.substring(Kind.NPY.prefix.length()));
        testPath = pair[0];
        testLabels = pair[1];
      }
      DatasetSpec spec =
          new DatasetSpec(
              kind,
              text,
              builtin,
              path,
              labels,
              testPath,
              testLabels,
              labelColumn,
              ignoredColumns,
              height,
              width,
              channels,
              alphaBackground,
              maxPixels,
              testSplit != null ? testSplit : DEFAULT_TEST_SPLIT);
      if (testSplit != null) {
        if (spec.hasOwnTestSet()) {
          throw new InvalidSettingException(
              "test-split", testSplit, "does not apply: " + text + " has its own test set");
        }
        if (!(testSplit > 0 && testSplit < 1)) {
          throw new InvalidSettingException(
              "test-split", testSplit, "expected a fraction 0 < F < 1, as 0.2");
        }
      }
      return spec;
    }

    private void notFor(String option, Object value) {
      throw new InvalidSettingException(
          option,
          value,
          "does not apply to --dataset "
              + text
              + " (it applies to "
              + applies(option)
              + " datasets)");
    }

    private static String applies(String option) {
      return switch (option) {
        case "label-column", "ignore-columns" -> "csv:";
        case "test" -> "npy:";
        default -> "images:";
      };
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
