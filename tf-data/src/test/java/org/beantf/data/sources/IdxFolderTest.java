package org.beantf.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {
  @TempDir Path dir;

  private void write(String prefix, String split, byte[] labels) {
    int n = labels.length;
    byte[] pixels = new byte[n * 2 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) i;
    }
    SourceFiles.idx(
        dir.resolve(prefix + split + "-images-idx3-ubyte"), 2051, new int[] {n, 2, 3}, pixels);
    SourceFiles.idx(
        dir.resolve(prefix + split + "-labels-idx1-ubyte"), 2049, new int[] {n}, labels);
  }

  @Test
  void anEmnistStyleFolderWithMoreThanTenClassesLoads() {
    byte[] labels = new byte[24];
    for (int i = 0; i < 24; i++) {
      labels[i] = (byte) (i % 12);
    }
    write("emnist-balanced-", "train", labels);
    write("emnist-balanced-", "test", new byte[] {11, 0});
    Dataset data = Sources.load(DatasetSpec.idx(dir).build(), DatasetLoader.Listener.SILENT);
    assertEquals(12, data.classes());
    assertEquals(24, data.train().size());
    assertArrayEquals(new int[] {11, 0}, data.test().labels());
    assertEquals(List.of("0", "1"), data.info().classNames().subList(0, 2));
    float[] first = new float[6];
    data.train().copyImage(1, first, 0);
    assertEquals(6 / 255f, first[0]);
  }

  @Test
  void aMissingFileIsNamedByItsPattern() {
    write("k49-", "train", new byte[] {0, 1});
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Sources.load(DatasetSpec.idx(dir).build(), DatasetLoader.Listener.SILENT));
    assertTrue(
        e.getMessage().contains("no file matching *t10k-images* or *test-images*"), e.getMessage());
  }

  @Test
  void testImagesOfAnotherSizeAreNamed() {
    write("kmnist-", "train", new byte[] {0, 1});
    byte[] pixels = new byte[2 * 4 * 4];
    SourceFiles.idx(
        dir.resolve("kmnist-test-images-idx3-ubyte"), 2051, new int[] {2, 4, 4}, pixels);
    SourceFiles.idx(
        dir.resolve("kmnist-test-labels-idx1-ubyte"), 2049, new int[] {2}, new byte[] {0, 1});
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Sources.load(DatasetSpec.idx(dir).build(), DatasetLoader.Listener.SILENT));
    assertTrue(
        e.getMessage().contains("test images of [4, 4, 1] but training images of [2, 3, 1]"),
        e.getMessage());
  }
}
