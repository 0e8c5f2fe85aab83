package org.beantf.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
  private static final int PLANE = 32 * 32;
  private static final int RECORD = 1 + 3 * PLANE;

  @TempDir Path dir;

  /**
   * One record: the label, then red, green and blue planes whose byte at p is (p + seed·(c + 1))
   * mod 256.
   */
  private static byte[] record(int label, int seed) {
    byte[] record = new byte[RECORD];
    record[0] = (byte) label;
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < PLANE; p++) {
        record[1 + c * PLANE + p] = (byte) (p + seed * (c + 1));
      }
    }
    return record;
  }

  private static float planeValue(int p, int seed, int c) {
    return ((p + seed * (c + 1)) & 0xff) / 255f;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  @Test
  void interleavesRedGreenBluePlanesIntoHwc() {
    ImageSet set = Cifar10Reader.decode(List.of(Path.of("batch.bin")), List.of(record(3, 50)));
    assertEquals(1, set.size());
    assertEquals(32, set.height());
    assertEquals(32, set.width());
    assertEquals(3, set.channels());
    assertArrayEquals(new int[] {3}, set.labels());
    float[] pixels = new float[3 * PLANE];
    set.copyImage(0, pixels, 0);
    for (int p : new int[] {0, 1, 31, 32, 33, 500, PLANE - 1}) {
      for (int c = 0; c < 3; c++) {
        assertEquals(planeValue(p, 50, c), pixels[p * 3 + c], "pixel " + p + " channel " + c);
      }
    }
    // row 1, column 2 is plane position 34
    assertEquals(planeValue(34, 50, 1), set.images().getFloat(0, 1, 2, 1));
    assertEquals(planeValue(34, 50, 2), set.images().getFloat(0, 1, 2, 2));
  }

  @Test
  void concatenatesFilesInTheOrderGiven() throws IOException {
    Path first = Files.write(dir.resolve("data_batch_1.bin"), concat(record(4, 1), record(0, 2)));
    Path second = Files.write(dir.resolve("data_batch_2.bin.gz"), IdxBytes.gzip(record(9, 3)));

    ImageSet set = Cifar10Reader.read(List.of(second, first));
    assertArrayEquals(new int[] {9, 4, 0}, set.labels());
    float[] pixels = new float[3 * 3 * PLANE];
    for (int i = 0; i < 3; i++) {
      set.copyImage(i, pixels, i * 3 * PLANE);
    }
    int[] seeds = {3, 1, 2};
    for (int i = 0; i < 3; i++) {
      assertEquals(planeValue(7, seeds[i], 0), pixels[i * 3 * PLANE + 7 * 3]);
      assertEquals(planeValue(7, seeds[i], 2), pixels[i * 3 * PLANE + 7 * 3 + 2]);
    }
  }

  @Test
  void rejectsASizeThatIsNotWholeRecords() {
    Path file = Path.of("data_batch_2.bin");
    byte[] partial = Arrays.copyOf(record(1, 1), RECORD + 100);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                Cifar10Reader.decode(
                    List.of(Path.of("data_batch_1.bin"), file), List.of(record(1, 1), partial)));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("size " + (RECORD + 100) + " bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("3073"), e.getMessage());
  }

  @Test
  void rejectsALabelAboveNineNamingItsOffset() {
    Path file = Path.of("test_batch.bin");
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                Cifar10Reader.decode(List.of(file), List.of(concat(record(2, 1), record(10, 1)))));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("label 10 at offset " + RECORD), e.getMessage());
  }
}
