package org.beantf.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.beantf.data.BadInputException;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {
  private static final DataFile TRAIN_IMAGES = DatasetId.MNIST.files().get(0);

  @TempDir Path temp;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
  private Path root;
  private Path source;
  private DatasetCache cache;
  private HttpServer server;

  @BeforeEach
  void createCache() throws IOException {
    root = temp.resolve("cache");
    source = Files.createDirectory(temp.resolve("downloads"));
    cache = new DatasetCache(root, log::add);
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void fetchFromAFolderOfWrongFilesFailsTheSizeCheckAndCachesNothing() throws IOException {
    writeWrongMnistFiles();

    ChecksumMismatchException e =
        assertThrows(ChecksumMismatchException.class, () -> cache.fetch(DatasetId.MNIST, source));

    assertInstanceOf(BadInputException.class, e);
    assertContains(
        e.getMessage(),
        source.resolve("train-images-idx3-ubyte").toString(),
        "decompressed size",
        "100 bytes",
        "expected " + TRAIN_IMAGES.bytes() + " bytes");
    assertNothingLeftBehind();
    assertFalse(cache.isCached(DatasetId.MNIST));
  }

  @Test
  void fetchFromAFolderOfRightSizedWrongGzipFilesFailsTheSha256Check() throws IOException {
    writeWrongMnistFiles();
    Files.delete(source.resolve("train-images-idx3-ubyte"));
    Path gzipped = source.resolve("train-images.idx3-ubyte.gz");
    writeGzipOfZeros(gzipped, TRAIN_IMAGES.bytes());

    ChecksumMismatchException e =
        assertThrows(ChecksumMismatchException.class, () -> cache.fetch(DatasetId.MNIST, source));

    assertContains(
        e.getMessage(), gzipped.toString(), "SHA-256", "expected " + TRAIN_IMAGES.sha256());
    assertNothingLeftBehind();
  }

  @Test
  void fetchFromAFolderMissingAFileNamesTheFileAndTheFolder() throws IOException {
    writeWrongMnistFiles();
    Files.delete(source.resolve("t10k-labels-idx1-ubyte.gz"));

    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> cache.fetch(DatasetId.MNIST, source));

    assertContains(e.messageFor(p -> "--" + p), "--from " + source, "t10k-labels-idx1-ubyte");
    assertNothingLeftBehind();
  }

  @Test
  void fetchFromSomethingThatIsNotAFolderIsBadInput() throws IOException {
    Path file = Files.write(temp.resolve("a-file"), new byte[] {1});
    BadInputException e =
        assertThrows(BadInputException.class, () -> cache.fetch(DatasetId.MNIST, file));
    assertContains(e.getMessage(), file.toString(), "not a folder");

    Path missing = temp.resolve("no-such-folder");
    BadInputException absent =
        assertThrows(BadInputException.class, () -> cache.fetch(DatasetId.MNIST, missing));
    assertContains(absent.getMessage(), missing.toString(), "not a folder");
  }

  @Test
  void downloadOfCorruptGzipFailsTheChecksumAndCachesNothing() throws IOException {
    byte[] gzip = gzip(new byte[1000]);
    byte[] corrupt = java.util.Arrays.copyOf(gzip, gzip.length - 12);
    HttpSource http = HttpSource.perFile(DatasetId.MNIST, startServer(200, corrupt));

    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class, () -> cache.fetchFrom(DatasetId.MNIST, List.of(http)));

    assertContains(e.getMessage(), "train-images-idx3-ubyte.gz", "gzip stream", "corrupt");
    assertEquals(
        List.of(
            "/train-images-idx3-ubyte.gz",
            "/train-labels-idx1-ubyte.gz",
            "/t10k-images-idx3-ubyte.gz",
            "/t10k-labels-idx1-ubyte.gz"),
        requested);
    assertNothingLeftBehind();
  }

  @Test
  void downloadOfWrongDataFailsTheSizeCheckAndCachesNothing() throws IOException {
    HttpSource http = HttpSource.perFile(DatasetId.MNIST, startServer(200, gzip(new byte[1000])));

    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class, () -> cache.fetchFrom(DatasetId.MNIST, List.of(http)));

    assertContains(e.getMessage(), "train-images-idx3-ubyte.gz", "decompressed size", "1000 bytes");
    assertNothingLeftBehind();
  }

  @Test
  void httpErrorMakesTheSourceUnavailableAndWithNoOtherSourceTheFetchFails() throws IOException {
    String base = startServer(404, new byte[0]);
    HttpSource http = HttpSource.perFile(DatasetId.MNIST, base);

    FetchException e =
        assertThrows(FetchException.class, () -> cache.fetchFrom(DatasetId.MNIST, List.of(http)));

    assertContains(e.getMessage(), base + "train-images-idx3-ubyte.gz: HTTP 404", "--from");
    assertTrue(
        log.stream().anyMatch(line -> line.contains("download from 127.0.0.1 unavailable")),
        log::toString);
    assertNothingLeftBehind();
  }

  @Test
  void anUnavailableSourceFallsThroughToTheNextOne() throws IOException {
    writeWrongMnistFiles();
    HttpSource http = HttpSource.perFile(DatasetId.MNIST, startServer(404, new byte[0]));

    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () ->
                cache.fetchFrom(
                    DatasetId.MNIST, List.of(http, FolderSource.of(source, DatasetId.MNIST))));

    assertContains(e.getMessage(), source.resolve("train-images-idx3-ubyte").toString());
    assertTrue(
        log.stream().anyMatch(line -> line.contains("trying folder " + source)), log::toString);
    assertNothingLeftBehind();
  }

  @Test
  void anEmptyCacheHoldsNothing() {
    assertFalse(cache.isCached(DatasetId.MNIST));
    assertFalse(cache.isCached(DatasetId.CIFAR10));
    assertEquals(root.resolve("fashion-mnist"), cache.folder(DatasetId.FASHION_MNIST));
  }

  @Test
  void defaultRootIsUnderTheHomeFolderUnlessTheVariableIsSet() {
    Path home = Path.of(System.getProperty("user.home"));
    assertEquals(home.resolve(".cache/bean/datasets"), DatasetCache.defaultRoot(null));
    assertTrue(DatasetCache.defaultRoot(null).endsWith(Path.of(".cache", "bean", "datasets")));
    assertEquals(home.resolve(".cache/bean/datasets"), DatasetCache.defaultRoot(" "));
    assertEquals(Path.of("/x"), DatasetCache.defaultRoot("/x"));
  }

  @Test
  void rightSizedButAlteredCachedFilesAreCachedButFailTheirChecksumOnLoad() throws IOException {
    Path folder = Files.createDirectories(cache.folder(DatasetId.MNIST));
    for (DataFile file : DatasetId.MNIST.files()) {
      try (RandomAccessFile sparse =
          new RandomAccessFile(folder.resolve(file.name()).toFile(), "rw")) {
        sparse.setLength(file.bytes());
      }
    }
    assertTrue(cache.isCached(DatasetId.MNIST));

    ChecksumMismatchException e =
        assertThrows(ChecksumMismatchException.class, () -> cache.load(DatasetId.MNIST));

    assertContains(
        e.getMessage(),
        folder.resolve("train-images-idx3-ubyte").toString(),
        "SHA-256",
        "expected " + TRAIN_IMAGES.sha256(),
        "bean fetch --dataset mnist");
  }

  @Test
  void aCachedFileOfTheWrongSizeIsNotCached() throws IOException {
    Path folder = Files.createDirectories(cache.folder(DatasetId.MNIST));
    for (DataFile file : DatasetId.MNIST.files()) {
      try (RandomAccessFile sparse =
          new RandomAccessFile(folder.resolve(file.name()).toFile(), "rw")) {
        sparse.setLength(file.name().startsWith("t10k-labels") ? file.bytes() - 1 : file.bytes());
      }
    }
    assertFalse(cache.isCached(DatasetId.MNIST));
  }

  /** Correctly named MNIST files, two raw and two gzip, whose content is not MNIST's. */
  private void writeWrongMnistFiles() throws IOException {
    Files.write(source.resolve("train-images-idx3-ubyte"), new byte[100]);
    Files.write(source.resolve("train-labels-idx1-ubyte.gz"), gzip(new byte[10]));
    Files.write(source.resolve("t10k-images.idx3-ubyte"), new byte[100]);
    Files.write(source.resolve("t10k-labels-idx1-ubyte.gz"), gzip(new byte[10]));
  }

  /**
   * Serves {@code body} with {@code status} for every path on 127.0.0.1; returns the base address.
   */
  private String startServer(int status, byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.add(exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Nothing but the (empty) dataset folder under the cache root: no cached file, temp file or
   * staging folder.
   */
  private void assertNothingLeftBehind() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> left =
          paths
              .filter(path -> !path.equals(root) && !path.equals(cache.folder(DatasetId.MNIST)))
              .toList();
      assertEquals(List.of(), left);
    }
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static void writeGzipOfZeros(Path file, long size) throws IOException {
    byte[] zeros = new byte[1 << 16];
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long left = size; left > 0; left -= zeros.length) {
        out.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
    }
  }
}
