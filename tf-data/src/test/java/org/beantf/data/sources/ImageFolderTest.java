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
import org.beantf.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path dir;

  private final List<String> notes = new ArrayList<>();
  private final DatasetLoader.Listener listener =
      new DatasetLoader.Listener() {
        @Override
        public void progress(String what, long done, long total) {}

        @Override
        public void note(String line) {
          notes.add(line);
        }
      };

  private Dataset load(DatasetSpec.Builder spec) {
    return Sources.load(spec.build(), listener);
  }

  /** The first pixel of example {@code i}. */
  private static float first(ImageSet set, int i) {
    float[] one = new float[set.imageSize()];
    set.copyImage(i, one, 0);
    return one[0];
  }

  @Test
  void trainAndTestFoldersAreOrderedByFileNameAcrossClasses() {
    // file k holds grey value k: the order of the set must be 0, 1, 2, 3 whatever the class
    SourceFiles.greyPng(dir.resolve("train/b/0000.png"), 4, 3, 0);
    SourceFiles.greyPng(dir.resolve("train/a/0001.png"), 4, 3, 1);
    SourceFiles.greyPng(dir.resolve("train/b/0002.png"), 4, 3, 2);
    SourceFiles.greyPng(dir.resolve("train/a/0003.png"), 4, 3, 3);
    SourceFiles.greyPng(dir.resolve("test/a/0.png"), 4, 3, 200);
    SourceFiles.greyPng(dir.resolve("test/b/1.png"), 4, 3, 201);
    SourceFiles.text(dir.resolve("train/a/.DS_Store"), "hidden");
    SourceFiles.text(dir.resolve("train/a/._0001.png"), "AppleDouble");
    SourceFiles.text(dir.resolve("train/b/notes.txt"), "not an image");
    Dataset data = load(DatasetSpec.images(dir));
    assertEquals(List.of("a", "b"), data.info().classNames());
    assertArrayEquals(new int[] {1, 0, 1, 0}, data.train().labels());
    for (int k = 0; k < 4; k++) {
      assertEquals(k / 255f, first(data.train(), k), "raw sample / 255");
    }
    assertArrayEquals(new int[] {0, 1}, data.test().labels());
    assertEquals(1, data.train().bytesPerValue(), "8-bit images are held as bytes");
    assertEquals(
        List.of(4L, 3L, 1L),
        List.of(
            data.info().shape().asArray()[0],
            data.info().shape().asArray()[1],
            data.info().shape().asArray()[2]));
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(
        notes.get(0).contains("skipped 1 file that are not .png, .jpg or .jpeg"), notes.get(0));
  }

  @Test
  void withoutTestFoldersTheClassesAreSplitAndColourMakesThreeChannels() {
    for (int i = 0; i < 10; i++) {
      SourceFiles.greyPng(dir.resolve("cat/" + i + ".png"), 2, 2, i);
      SourceFiles.rgbPng(dir.resolve("dog/" + i + ".png"), 2, 2, 10, 20, i);
    }
    Dataset data = load(DatasetSpec.images(dir).testSplit(0.3));
    assertEquals(14, data.train().size());
    assertEquals(6, data.test().size());
    assertEquals(3, data.train().channels(), "one colour image makes every image colour");
    Dataset grey = load(DatasetSpec.images(dir).channels(1));
    assertEquals(1, grey.train().channels());
  }

  @Test
  void imageSizeResamplesEveryImage() {
    SourceFiles.greyPng(dir.resolve("a/1.png"), 4, 4, 100);
    SourceFiles.greyPng(dir.resolve("a/2.png"), 4, 4, 100);
    SourceFiles.greyPng(dir.resolve("b/1.png"), 8, 6, 50);
    SourceFiles.greyPng(dir.resolve("b/2.png"), 8, 6, 50);
    Dataset data = load(DatasetSpec.images(dir).imageSize(2, 3).testSplit(0.5));
    assertEquals(2, data.train().height());
    assertEquals(3, data.train().width());
    float[] one = new float[6];
    data.train().copyImage(0, one, 0);
    for (float v : one) {
      assertEquals(one[0], v, 1e-6f, "a flat image stays flat");
    }
  }

  @Test
  void badFoldersAreRefusedInOneLineNamingTheFileOrClass() {
    SourceFiles.greyPng(dir.resolve("one/a/1.png"), 2, 2, 1);
    assertRefused(dir.resolve("one"), "1 class ('a') (expected at least 2");

    SourceFiles.greyPng(dir.resolve("empty/a/1.png"), 2, 2, 1);
    SourceFiles.text(dir.resolve("empty/b/readme.txt"), "x");
    assertRefused(dir.resolve("empty"), "empty/b: no images");

    SourceFiles.greyPng(dir.resolve("mixed/a/1.png"), 2, 2, 1);
    SourceFiles.greyPng(dir.resolve("mixed/b/1.png"), 3, 2, 1);
    assertRefused(dir.resolve("mixed"), "(expected one size, or --image-size HxW");

    SourceFiles.greyPng(dir.resolve("fake/a/1.png"), 2, 2, 1);
    SourceFiles.text(dir.resolve("fake/b/1.png"), "not a PNG at all");
    assertRefused(dir.resolve("fake"), "fake/b/1.png");

    assertRefused(dir.resolve("absent"), "absent: no such folder");
  }

  @Test
  void anImageOverThePixelLimitIsRefusedFromItsHeader() {
    SourceFiles.greyPng(dir.resolve("a/1.png"), 2, 2, 1);
    SourceFiles.greyPng(dir.resolve("b/1.png"), 40, 50, 1);
    BadInputException e =
        assertThrows(BadInputException.class, () -> load(DatasetSpec.images(dir).maxPixels(1999)));
    assertTrue(
        e.getMessage().contains("b/1.png: 50x40 pixels, more than the limit of 1999"),
        e.getMessage());
  }

  private void assertRefused(Path root, String expected) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> load(DatasetSpec.images(root)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
  }
}
