package org.beantf.data;

import static org.beantf.data.IdxBytes.bytes;
import static org.beantf.data.IdxBytes.gzip;
import static org.beantf.data.IdxBytes.images;
import static org.beantf.data.IdxBytes.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  private static final Path IMAGES = Path.of("imgs-idx3-ubyte");
  private static final Path LABELS = Path.of("lbls-idx1-ubyte");

  /** Three 2×2 images, row-major; the last one starts with the brightest value, 255. */
  private static final byte[] PIXELS = bytes(0, 1, 2, 3, 10, 11, 12, 13, 255, 21, 22, 23);

  private static final byte[] LABEL_VALUES = bytes(7, 0, 9);

  @TempDir Path dir;

  @Test
  void decodesPixelsAsUnitFloatsInNhwcWithOneChannel() {
    ImageSet set =
        IdxReader.decode(IMAGES, images(3, 2, 2, PIXELS), LABELS, labels(3, LABEL_VALUES));
    assertEquals(3, set.size());
    assertEquals(2, set.height());
    assertEquals(2, set.width());
    assertEquals(1, set.channels());
    assertArrayEquals(new int[] {7, 0, 9}, set.labels());
    float[] second = new float[4];
    set.copyImage(1, second, 0);
    assertArrayEquals(new float[] {10 / 255f, 11 / 255f, 12 / 255f, 13 / 255f}, second);
    assertEquals(1f, set.images().getFloat(2, 0, 0, 0));
    assertEquals(23 / 255f, set.images().getFloat(2, 1, 1, 0));
    assertEquals(2 / 255f, set.images().getFloat(0, 1, 0, 0));
  }

  @Test
  void readsRawAndGzipFilesAlike() throws IOException {
    Path rawImages = Files.write(dir.resolve("images"), images(3, 2, 2, PIXELS));
    Path gzipLabels = Files.write(dir.resolve("labels.gz"), gzip(labels(3, LABEL_VALUES)));
    Path gzipImages = Files.write(dir.resolve("images.gz"), gzip(images(3, 2, 2, PIXELS)));
    Path rawLabels = Files.write(dir.resolve("labels"), labels(3, LABEL_VALUES));

    ImageSet mixed = IdxReader.read(rawImages, gzipLabels);
    ImageSet swapped = IdxReader.read(gzipImages, rawLabels);
    float[] expected = new float[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = (PIXELS[i] & 0xff) / 255f;
    }
    for (ImageSet set : new ImageSet[] {mixed, swapped}) {
      float[] all = new float[12];
      for (int i = 0; i < 3; i++) {
        set.copyImage(i, all, 4 * i);
      }
      assertArrayEquals(expected, all);
      assertArrayEquals(new int[] {7, 0, 9}, set.labels());
    }
  }

  @Test
  void acceptsAnEmptySet() {
    ImageSet set =
        IdxReader.decode(IMAGES, images(0, 28, 28, new byte[0]), LABELS, labels(0, new byte[0]));
    assertEquals(0, set.size());
    assertEquals(28, set.height());
  }

  @Test
  void rejectsALabelsMagicInTheImagesFile() {
    byte[] wrong = IdxBytes.withHeader(PIXELS, IdxReader.LABELS_MAGIC, 3, 2, 2);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, wrong, LABELS, labels(3, LABEL_VALUES)));
    assertMessage(e, IMAGES, "magic number 2049", "offset 0", "expected 2051");
  }

  @Test
  void rejectsAnImagesMagicInTheLabelsFile() {
    byte[] wrong = IdxBytes.withHeader(LABEL_VALUES, IdxReader.IMAGES_MAGIC, 3);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, images(3, 2, 2, PIXELS), LABELS, wrong));
    assertMessage(e, LABELS, "magic number 2051", "offset 0", "expected 2049");
  }

  @Test
  void rejectsATruncatedImagesHeader() {
    byte[] truncated = Arrays.copyOf(images(3, 2, 2, PIXELS), 10);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, truncated, LABELS, labels(3, LABEL_VALUES)));
    assertMessage(e, IMAGES, "truncated header", "10 bytes", "16");
  }

  @Test
  void rejectsATruncatedLabelsHeader() {
    byte[] truncated = Arrays.copyOf(labels(3, LABEL_VALUES), 5);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, images(3, 2, 2, PIXELS), LABELS, truncated));
    assertMessage(e, LABELS, "truncated header", "5 bytes", "8");
  }

  @Test
  void rejectsTruncatedImageData() {
    byte[] truncated = images(3, 2, 2, Arrays.copyOf(PIXELS, 11));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, truncated, LABELS, labels(3, LABEL_VALUES)));
    assertMessage(e, IMAGES, "truncated data", "27 bytes", "expected 28");
  }

  @Test
  void rejectsTrailingLabelData() {
    byte[] trailing = labels(3, bytes(7, 0, 9, 1));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, images(3, 2, 2, PIXELS), LABELS, trailing));
    assertMessage(e, LABELS, "trailing data", "12 bytes", "expected 11");
  }

  @Test
  void rejectsTrailingImageData() {
    byte[] trailing = images(2, 2, 2, PIXELS);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.decode(IMAGES, trailing, LABELS, labels(2, bytes(7, 0))));
    assertMessage(e, IMAGES, "trailing data", "28 bytes", "expected 24");
  }

  @Test
  void rejectsMismatchedImageAndLabelCounts() {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                IdxReader.decode(IMAGES, images(3, 2, 2, PIXELS), LABELS, labels(2, bytes(7, 0))));
    assertMessage(e, LABELS, "2 labels for 3 images", IMAGES.toString());
  }

  @Test
  void rejectsALabelAboveNineNamingItsValueAndOffset() {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                IdxReader.decode(
                    IMAGES, images(3, 2, 2, PIXELS), LABELS, labels(3, bytes(7, 10, 9))));
    assertMessage(e, LABELS, "label 10", "offset 9");
  }

  @Test
  void rejectsANonPositiveRowCount() {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                IdxReader.decode(
                    IMAGES, images(3, 0, 2, new byte[0]), LABELS, labels(3, LABEL_VALUES)));
    assertMessage(e, IMAGES, "row count 0", "offset 8");
  }

  @Test
  void reportsAMissingFileAsBadInput() throws IOException {
    Path labels = Files.write(dir.resolve("labels"), labels(3, LABEL_VALUES));
    Path missing = dir.resolve("no-such-images");
    BadInputException e =
        assertThrows(BadInputException.class, () -> IdxReader.read(missing, labels));
    assertEquals(BadInputException.class, e.getClass());
    assertMessage(e, missing, "no such file");
  }

  @Test
  void reportsCorruptGzipAsAFormatError() throws IOException {
    byte[] gzip = gzip(images(3, 2, 2, PIXELS));
    Path images = Files.write(dir.resolve("images.gz"), Arrays.copyOf(gzip, gzip.length / 2));
    Path labels = Files.write(dir.resolve("labels"), labels(3, LABEL_VALUES));
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> IdxReader.read(images, labels));
    assertMessage(e, images, "corrupt gzip");
  }

  private static void assertMessage(Exception e, Path file, String... parts) {
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
    }
  }
}
