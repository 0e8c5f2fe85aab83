package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEGs made with libjpeg-turbo's cjpeg, checked against djpeg's decoding of them (test resources
 * images/, made by make-jpeg-references.sh there).
 */
class JpegDecodingTest {
  static Path resource(String name) {
    try {
      return Path.of(JpegDecodingTest.class.getResource("/images/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "colour-baseline.jpg, colour-baseline.ppm, 3",
    "colour-progressive.jpg, colour-progressive.ppm, 3",
    "colour-444.jpg, colour-444.ppm, 3",
    "grey.jpg, grey.pgm, 1"
  })
  void everySampleIsWithin2Of255OfDjpegs(String jpeg, String reference, int channels)
      throws IOException {
    Pnm expected = Pnm.read(resource(reference));
    Path file = resource(jpeg);
    assertEquals(
        new ImageHeader(file, "jpeg", expected.width, expected.height, channels, false, 8),
        ImageDecoder.header(file));
    DecodedImage image = ImageDecoder.decode(file, 0, AlphaBackground.REFUSE, 1_000_000);
    assertEquals(expected.height, image.height());
    assertEquals(expected.width, image.width());
    assertEquals(channels, image.channels());
    assertEquals(expected.samples.length, image.pixels().length);
    int worst = 0;
    for (int i = 0; i < expected.samples.length; i++) {
      float v = image.pixels()[i];
      int b = Math.round(v * 255);
      assertEquals(b / 255f, v, 0f, "8-bit samples are exactly b/255");
      worst = Math.max(worst, Math.abs(b - expected.samples[i]));
    }
    assertTrue(worst <= 2, jpeg + ": a sample differs from djpeg's by " + worst + "/255");
    assertTrue(image.eightBit());
  }

  @Test
  void imageIoReadsJpegWithTwelveMonkeys() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    ImageReader first = readers.next();
    try {
      assertTrue(
          first.getClass().getName().startsWith("com.twelvemonkeys."), first.getClass().getName());
    } finally {
      first.dispose();
    }
  }

  /** A binary PGM (P5) or PPM (P6) of 8-bit samples. */
  private record Pnm(int width, int height, int channels, int[] samples) {
    static Pnm read(Path file) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      int[] at = {0};
      String magic = token(bytes, at);
      int width = Integer.parseInt(token(bytes, at));
      int height = Integer.parseInt(token(bytes, at));
      int max = Integer.parseInt(token(bytes, at));
      at[0]++; // the one whitespace byte after the maximum
      int channels =
          switch (magic) {
            case "P5" -> 1;
            case "P6" -> 3;
            default -> throw new IOException(file + ": " + magic);
          };
      if (max != 255) {
        throw new IOException(file + ": maximum " + max);
      }
      int[] samples = new int[width * height * channels];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = bytes[at[0] + i] & 0xff;
      }
      return new Pnm(width, height, channels, samples);
    }

    private static String token(byte[] bytes, int[] at) {
      while (Character.isWhitespace(bytes[at[0]])) {
        at[0]++;
      }
      int start = at[0];
      while (!Character.isWhitespace(bytes[at[0]])) {
        at[0]++;
      }
      return new String(bytes, start, at[0] - start, StandardCharsets.US_ASCII);
    }
  }
}
