package org.beantf.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArraysTest {
  @TempDir Path dir;

  private Dataset load(DatasetSpec.Builder spec) {
    return Sources.load(spec.build(), DatasetLoader.Listener.SILENT);
  }

  /** Eight 2×2 uint8 images whose pixels are their index, labels i % 2. */
  private Path[] images() {
    byte[] pixels = new byte[8 * 4];
    long[] labels = new long[8];
    for (int i = 0; i < 8; i++) {
      for (int p = 0; p < 4; p++) {
        pixels[4 * i + p] = (byte) (250 + i % 6);
      }
      labels[i] = i % 2;
    }
    return new Path[] {
      SourceFiles.npy(dir.resolve("x.npy"), "|u1", new long[] {8, 2, 2}, pixels),
      SourceFiles.npy(dir.resolve("y.npy"), "<i8", new long[] {8}, SourceFiles.int64(labels))
    };
  }

  @Test
  void uint8ImagesAreReadAsValueOver255WithATestPair() {
    Path[] train = images();
    Path xt = SourceFiles.npy(dir.resolve("xt.npy"), "|u1", new long[] {2, 2, 2}, new byte[8]);
    Path yt =
        SourceFiles.npy(dir.resolve("yt.npy"), "<i8", new long[] {2}, SourceFiles.int64(1, 0));
    Dataset data = load(DatasetSpec.npy(train[0], train[1]).test("npy:" + xt + "," + yt));
    assertEquals(InputKind.IMAGES, data.info().input());
    assertEquals(
        List.of(2L, 2L, 1L),
        List.of(
            data.train().height() + 0L, data.train().width() + 0L, data.train().channels() + 0L));
    float[] one = new float[4];
    data.train().copyImage(3, one, 0);
    assertEquals(253 / 255f, one[0]);
    assertArrayEquals(new int[] {1, 0}, data.test().labels());
    assertEquals(List.of("0", "1"), data.info().classNames());
  }

  @Test
  void floatFeaturesAreSplitAndClassesTxtNamesTheClasses() {
    double[] values = new double[10 * 3];
    long[] labels = new long[10];
    for (int i = 0; i < 10; i++) {
      values[3 * i] = i;
      labels[i] = i % 2;
    }
    Path x =
        SourceFiles.npy(
            dir.resolve("f.npy"), "<f8", new long[] {10, 3}, SourceFiles.float64(values));
    Path y =
        SourceFiles.npy(dir.resolve("l.npy"), "<i8", new long[] {10}, SourceFiles.int64(labels));
    SourceFiles.text(dir.resolve("classes.txt"), "even\nodd\n");
    Dataset data = load(DatasetSpec.npy(x, y));
    assertEquals(InputKind.FEATURES, data.info().input());
    assertEquals(List.of("even", "odd"), data.info().classNames());
    assertEquals(8, data.train().size());
    assertEquals(2, data.test().size());
  }

  @Test
  void labelsOutOfRangeLengthMismatchAndFloatLabelsAreRefused() {
    Path[] train = images();
    Path shortY =
        SourceFiles.npy(
            dir.resolve("s.npy"), "<i8", new long[] {7}, SourceFiles.int64(0, 1, 0, 1, 0, 1, 0));
    assertRefused(train[0], shortY, "8 examples but 7 labels (expected one label per example)");
    Path negative =
        SourceFiles.npy(
            dir.resolve("n.npy"),
            "<i8",
            new long[] {8},
            SourceFiles.int64(0, 1, 0, 1, 0, 1, 0, -3));
    assertRefused(train[0], negative, "label -3 at index 7");
    Path floats =
        SourceFiles.npy(
            dir.resolve("fl.npy"),
            "<f8",
            new long[] {8},
            SourceFiles.float64(0, 1, 0, 1, 0, 1, 0, 1));
    assertRefused(train[0], floats, "(expected a 1-D array of integer labels 0..K-1)");
    SourceFiles.text(dir.resolve("classes.txt"), "only-one\n");
    assertRefused(train[0], train[1], "classes.txt: 1 class names, but the labels go up to 1");
  }

  @Test
  void aFloat64BeyondFloat32IsReportedAsTheFileHoldsIt() {
    Path x =
        SourceFiles.npy(
            dir.resolve("big.npy"), "<f8", new long[] {2, 1}, SourceFiles.float64(1e300, 0));
    Path y = SourceFiles.npy(dir.resolve("y2.npy"), "<i8", new long[] {2}, SourceFiles.int64(0, 1));
    assertRefused(x, y, "holds 1.0E300 at flat index 0, outside float32's range");
  }

  @Test
  void valuesThatUnderflowInFloat32AreCountedInANote() {
    double[] values = new double[20];
    long[] labels = new long[20];
    for (int i = 0; i < 20; i++) {
      values[i] = i < 3 ? 1e-300 : i;
      labels[i] = i % 2;
    }
    Path x =
        SourceFiles.npy(
            dir.resolve("u.npy"), "<f8", new long[] {20, 1}, SourceFiles.float64(values));
    Path y =
        SourceFiles.npy(dir.resolve("uy.npy"), "<i8", new long[] {20}, SourceFiles.int64(labels));
    List<String> notes = new ArrayList<>();
    Sources.load(
        DatasetSpec.npy(x, y).build(),
        new DatasetLoader.Listener() {
          @Override
          public void progress(String what, long done, long total) {}

          @Override
          public void note(String line) {
            notes.add(line);
          }
        });
    assertEquals(1, notes.size());
    assertTrue(
        notes.get(0).contains("3 float64 values too small for float32 are read as 0"),
        notes.get(0));
  }

  private void assertRefused(Path x, Path y, String expected) {
    BadInputException e = assertThrows(BadInputException.class, () -> load(DatasetSpec.npy(x, y)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
