package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import org.beantf.data.BadInputException;
import org.junit.jupiter.api.Test;

/** The PNGs of the issues' cases (test resources images/cases). */
class CaseFilesTest {
  private static final long LIMIT = 50_000_000L;

  static Path cases(String name) {
    try {
      return Path.of(CaseFilesTest.class.getResource("/images/cases/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DecodedImage decode(String name, int channels) {
    return ImageDecoder.decode(cases(name), channels, AlphaBackground.REFUSE, LIMIT);
  }

  @Test
  void aGreyPngAndItsRgbTwinGiveTheSamePixels() {
    DecodedImage grey = decode("gray8.png", 0);
    DecodedImage rgb = decode("rgb8.png", 0);
    assertEquals(1, grey.channels());
    assertEquals(3, rgb.channels());
    assertArrayEquals(grey.pixels(), decode("rgb8.png", 1).pixels());
    assertArrayEquals(rgb.pixels(), decode("gray8.png", 3).pixels());
    assertTrue(grey.eightBit());
    assertTrue(decode("rgb8.png", 1).eightBit(), "R = G = B needs no luma formula");
    float max = 0;
    for (float v : grey.pixels()) {
      max = Math.max(max, v);
    }
    assertEquals(1f, max, "the digit's ink reaches 255");
  }

  @Test
  void aGreySampleOf128Is128Over255() {
    for (String name : new String[] {"mid-gray8.png", "mid-rgb8.png"}) {
      for (int channels : new int[] {1, 3}) {
        float[] pixels = decode(name, channels).pixels();
        float[] expected = new float[28 * 28 * channels];
        Arrays.fill(expected, 128 / 255f);
        assertArrayEquals(expected, pixels, name + " as " + channels);
      }
    }
  }

  @Test
  void transparentPixelsAreRefusedByDefault() {
    for (String name :
        new String[] {"ga-black-ink.png", "rgba-black-ink.png", "rgba-white-ink.png"}) {
      BadInputException e = assertThrows(BadInputException.class, () -> decode(name, 1));
      assertTrue(
          e.getMessage()
              .matches(
                  "\\Q"
                      + cases(name)
                      + ": \\E[1-9][0-9]* of 784 pixels are transparent or translucent \\(expected an"
                      + " opaque image; --alpha-background white\\|black composites it\\)"),
          e.getMessage());
    }
  }

  @Test
  void blackInkOverWhiteIsADigitNotABlank() {
    float[] blank = decode("blank.png", 1).pixels();
    DecodedImage ink =
        ImageDecoder.decode(cases("ga-black-ink.png"), 1, AlphaBackground.WHITE, LIMIT);
    assertFalse(Arrays.equals(blank, ink.pixels()));
    float[] rgbaInk =
        ImageDecoder.decode(cases("rgba-black-ink.png"), 1, AlphaBackground.WHITE, LIMIT).pixels();
    assertFalse(Arrays.equals(blank, rgbaInk));
    float darkest = 1;
    float lightest = 0;
    for (float v : ink.pixels()) {
      darkest = Math.min(darkest, v);
      lightest = Math.max(lightest, v);
    }
    assertEquals(1f, lightest, "the transparent background becomes white");
    assertTrue(darkest < 0.5f, "the ink is dark: " + darkest);
  }
}
