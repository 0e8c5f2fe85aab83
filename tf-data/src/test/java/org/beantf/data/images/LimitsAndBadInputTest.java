package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.beantf.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size limit, checked before decoding, and files that are not images. */
class LimitsAndBadInputTest {
  @TempDir Path dir;

  @Test
  void aHugePngIsRefusedFromItsHeaderWithoutDecoding() throws IOException {
    Path huge = dir.resolve("huge.png");
    PngWriter.writeZeros(huge, 20000, 20000);
    assertEquals(
        new ImageHeader(huge, "png", 20000, 20000, 1, false, 8), ImageDecoder.header(huge));
    long start = System.nanoTime();
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ImageDecoder.decode(huge, 1, AlphaBackground.REFUSE, 50_000_000L));
    long nanos = System.nanoTime() - start;
    assertEquals(
        huge + ": 20000x20000 pixels, more than the limit of 50000000 (--max-pixels)",
        e.getMessage());
    assertTrue(nanos < 2_000_000_000L, "took " + nanos / 1e6 + " ms: it decoded the pixels?");
  }

  @Test
  void aFileLargerThanWhatIsReadWholeIsReadFromDisk() throws IOException {
    byte[] png = new PngWriter(2, 1, PngWriter.GREY, 16).samples(1, 65535).bytes();
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.write(png, 0, png.length - 12); // all but IEND
    PngWriter.chunk(big, "teSt", new byte[9 << 20]); // an ancillary, private chunk of 9 MiB
    big.write(png, png.length - 12, 12);
    Path file = Files.write(dir.resolve("big.png"), big.toByteArray());
    assertArrayEquals(
        new float[] {1 / 65535f, 1},
        ImageDecoder.decode(file, 0, AlphaBackground.REFUSE, 2).pixels());
  }

  @Test
  void theLimitIsInclusive() throws IOException {
    Path png =
        new PngWriter(3, 2, PngWriter.GREY, 8)
            .samples(1, 2, 3, 4, 5, 6)
            .write(dir.resolve("a.png"));
    assertEquals(6, ImageDecoder.decode(png, 0, AlphaBackground.REFUSE, 6).pixels().length);
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> ImageDecoder.decode(png, 0, AlphaBackground.REFUSE, 5));
    assertEquals(png + ": 3x2 pixels, more than the limit of 5 (--max-pixels)", e.getMessage());
  }

  @Test
  void aTextFileNamedPngIsOneLineNamingIt() throws IOException {
    Path text =
        Files.writeString(dir.resolve("note.png"), "not an image\n", StandardCharsets.UTF_8);
    assertOneLine(
        text + ": neither a PNG nor a JPEG by its first bytes (expected a PNG or JPEG image)",
        text);
  }

  @Test
  void anEmptyFileIsOneLineNamingIt() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.png"));
    assertOneLine(empty + ": empty file (expected a PNG or JPEG image)", empty);
  }

  @Test
  void aTruncatedPngIsOneLineNamingIt() throws IOException {
    int[] samples = new int[40 * 30];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (i * 37) % 256;
    }
    byte[] whole = new PngWriter(40, 30, PngWriter.GREY, 8).samples(samples).bytes();
    for (int keep : new int[] {12, 30, 45, whole.length / 2, whole.length - 13}) {
      Path cut = dir.resolve("cut" + keep + ".png");
      Files.write(cut, Arrays.copyOf(whole, keep));
      BadInputException e = decodeFails(cut);
      assertTrue(e.getMessage().startsWith(cut + ": cannot be decoded as a PNG: "), e.getMessage());
      assertTrue(e.getMessage().endsWith(" (expected a complete, valid PNG)"), e.getMessage());
    }
  }

  @Test
  void aTruncatedJpegIsOneLineNamingIt() throws IOException {
    byte[] whole = Files.readAllBytes(JpegDecodingTest.resource("colour-baseline.jpg"));
    Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, 100));
    BadInputException e = decodeFails(cut);
    assertTrue(e.getMessage().startsWith(cut + ": cannot be decoded as a JPEG: "), e.getMessage());
  }

  @Test
  void aMissingFileGivesTheSystemsReason() {
    Path missing = dir.resolve("missing.png");
    assertOneLine(missing + ": cannot be read (No such file or directory)", missing);
  }

  @Test
  void aFolderGivesTheSystemsReason() {
    assertOneLine(dir + ": cannot be read (Is a directory)", dir);
  }

  @Test
  void channelsAndLimitAreChecked() throws IOException {
    Path png = new PngWriter(1, 1, PngWriter.GREY, 8).samples(7).write(dir.resolve("one.png"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageDecoder.decode(png, 2, AlphaBackground.REFUSE, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageDecoder.decode(png, 1, AlphaBackground.REFUSE, 0));
  }

  private static BadInputException decodeFails(Path file) {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ImageDecoder.decode(file, 0, AlphaBackground.REFUSE, Long.MAX_VALUE));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e;
  }

  private static void assertOneLine(String expected, Path file) {
    assertEquals(expected, decodeFails(file).getMessage());
    assertEquals(
        expected,
        assertThrows(BadInputException.class, () -> ImageDecoder.header(file)).getMessage());
  }
}
