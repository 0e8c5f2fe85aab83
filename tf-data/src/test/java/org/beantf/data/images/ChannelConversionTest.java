package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour to grey by BT.601 luma, grey to colour by replication, compositing before both. */
class ChannelConversionTest {
  @TempDir Path dir;

  @Test
  void colourToGreyIsBt601LumaAndExactForGreys() throws IOException {
    int[] rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 90, 77, 77, 77, 255, 255, 255};
    Path png = new PngWriter(6, 1, PngWriter.RGB, 8).samples(rgb).write(dir.resolve("c.png"));
    DecodedImage grey = ImageDecoder.decode(png, 1, AlphaBackground.REFUSE, 6);
    assertEquals(1, grey.channels());
    for (int i = 0; i < 6; i++) {
      double expected =
          (0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2]) / 255;
      assertEquals(expected, grey.pixels()[i], 1e-6, "pixel " + i);
    }
    assertEquals(77 / 255f, grey.pixels()[4], 0f);
    assertEquals(1f, grey.pixels()[5], 0f);
    assertFalse(grey.eightBit(), "luma of unequal R, G, B is not b/255");
  }

  @Test
  void greyToColourReplicates() throws IOException {
    Path png =
        new PngWriter(2, 2, PngWriter.GREY, 16)
            .samples(0, 1, 32768, 65535)
            .write(dir.resolve("g.png"));
    DecodedImage colour = ImageDecoder.decode(png, 3, AlphaBackground.REFUSE, 4);
    float[] v = {0, 1 / 65535f, 32768 / 65535f, 1};
    float[] expected = new float[12];
    for (int i = 0; i < 4; i++) {
      expected[3 * i] = v[i];
      expected[3 * i + 1] = v[i];
      expected[3 * i + 2] = v[i];
    }
    assertArrayEquals(expected, colour.pixels());
    assertFalse(colour.eightBit());
  }

  @Test
  void translucentColourIsCompositedThenConverted() throws IOException {
    int[] rgba = {200, 100, 50, 128, 0, 0, 0, 0, 30, 30, 30, 255};
    Path png = new PngWriter(3, 1, PngWriter.RGBA, 8).samples(rgba).write(dir.resolve("t.png"));
    DecodedImage white = ImageDecoder.decode(png, 1, AlphaBackground.WHITE, 3);
    DecodedImage black = ImageDecoder.decode(png, 1, AlphaBackground.BLACK, 3);
    for (int i = 0; i < 3; i++) {
      double a = rgba[4 * i + 3] / 255.0;
      double[] c = new double[3];
      double[] w = new double[3];
      for (int k = 0; k < 3; k++) {
        c[k] = rgba[4 * i + k] / 255.0 * a;
        w[k] = c[k] + (1 - a);
      }
      assertEquals(0.299 * w[0] + 0.587 * w[1] + 0.114 * w[2], white.pixels()[i], 1e-6);
      assertEquals(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2], black.pixels()[i], 1e-6);
    }
    assertEquals(1f, white.pixels()[1], 0f, "fully transparent over white");
    assertEquals(0f, black.pixels()[1], 0f, "fully transparent over black");
    assertEquals(30 / 255f, white.pixels()[2], 0f, "an opaque grey pixel stays exact");
  }

  @Test
  void anOpaqueAlphaChannelIsAcceptedAndExact() throws IOException {
    Path png =
        new PngWriter(2, 1, PngWriter.GREY_ALPHA, 8)
            .samples(9, 255, 250, 255)
            .write(dir.resolve("o.png"));
    DecodedImage image = ImageDecoder.decode(png, 0, AlphaBackground.REFUSE, 2);
    assertArrayEquals(new float[] {9 / 255f, 250 / 255f}, image.pixels());
    assertTrue(image.eightBit());
  }
}
