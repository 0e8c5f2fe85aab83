package org.beantf.data.images;

import static org.beantf.data.images.PngWriter.GREY;
import static org.beantf.data.images.PngWriter.GREY_ALPHA;
import static org.beantf.data.images.PngWriter.PALETTE;
import static org.beantf.data.images.PngWriter.RGB;
import static org.beantf.data.images.PngWriter.RGBA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PNG colour type and bit depth, with and without tRNS, interlaced and not: files written by
 * {@link PngWriter} from chosen samples, so the expected values are those samples scaled by hand.
 */
class PngDecodingTest {
  private static final int W = 13;
  private static final int H = 11;
  private static final int N = W * H;

  @TempDir Path dir;

  /** One file's content and what its pixels are, computed from its samples. */
  private record Sample(
      Path file, int channels, double[] colour, double[] alpha, int nonOpaque, boolean eightBit) {

    /** colour composited over {@code bg}, the formula c·a + bg·(1 − a). */
    double[] over(double bg) {
      double[] out = colour.clone();
      for (int i = 0; i < N; i++) {
        for (int c = 0; c < channels; c++) {
          double v = colour[i * channels + c];
          out[i * channels + c] = v * alpha[i] + bg * (1 - alpha[i]);
        }
      }
      return out;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean interlaced : new boolean[] {false, true}) {
      for (int bits : new int[] {1, 2, 4, 8, 16}) {
        cases.add(Arguments.of(GREY, bits, false, interlaced));
      }
      for (int bits : new int[] {1, 2, 4, 8, 16}) {
        cases.add(Arguments.of(GREY, bits, true, interlaced));
      }
      for (int bits : new int[] {8, 16}) {
        cases.add(Arguments.of(GREY_ALPHA, bits, false, interlaced));
        cases.add(Arguments.of(RGB, bits, false, interlaced));
        cases.add(Arguments.of(RGB, bits, true, interlaced));
        cases.add(Arguments.of(RGBA, bits, false, interlaced));
      }
      for (int bits : new int[] {1, 2, 4, 8}) {
        cases.add(Arguments.of(PALETTE, bits, false, interlaced));
        cases.add(Arguments.of(PALETTE, bits, true, interlaced));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "colour type {0}, {1} bits, tRNS {2}, interlaced {3}")
  @MethodSource("cases")
  void decodesTheRawSamples(int colorType, int bits, boolean trns, boolean interlaced)
      throws IOException {
    Sample s = write(colorType, bits, trns, interlaced, new Random(31L * colorType + bits));

    ImageHeader header = ImageDecoder.header(s.file());
    assertEquals(
        new ImageHeader(
            s.file(),
            "png",
            W,
            H,
            s.channels(),
            trns || colorType == GREY_ALPHA || colorType == RGBA,
            bits),
        header);

    if (s.nonOpaque() > 0) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> ImageDecoder.decode(s.file(), 0, AlphaBackground.REFUSE, Long.MAX_VALUE));
      assertEquals(
          s.file()
              + ": "
              + s.nonOpaque()
              + " of "
              + N
              + " pixels are transparent or translucent (expected an opaque image;"
              + " --alpha-background white|black composites it)",
          e.getMessage());
      assertClose(s.over(1), ImageDecoder.decode(s.file(), 0, AlphaBackground.WHITE, N), s);
      assertClose(s.over(0), ImageDecoder.decode(s.file(), 0, AlphaBackground.BLACK, N), s);
    } else {
      DecodedImage image = ImageDecoder.decode(s.file(), 0, AlphaBackground.REFUSE, N);
      assertEquals(H, image.height());
      assertEquals(W, image.width());
      assertEquals(s.channels(), image.channels());
      float[] expected = new float[s.colour().length];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = (float) s.colour()[i];
      }
      assertArrayEquals(expected, image.pixels(), "exact samples / (2^bits - 1)");
      assertEquals(s.eightBit(), image.eightBit());
    }
  }

  /**
   * Writes a PNG of random samples of the colour type and bit depth; a quarter of the pixels are
   * the tRNS key, or have alpha below the maximum, so the image is not opaque when it can be.
   */
  private Sample write(int colorType, int bits, boolean trns, boolean interlaced, Random random)
      throws IOException {
    int max = (1 << bits) - 1;
    int spp = PngWriter.samplesPerPixel(colorType);
    int[] raw = new int[N * spp];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = random.nextInt(max + 1);
    }
    PngWriter png = new PngWriter(W, H, colorType, bits).interlaced(interlaced);
    Path file =
        dir.resolve(
            "t"
                + colorType
                + "-"
                + bits
                + (trns ? "-trns" : "")
                + (interlaced ? "-i" : "")
                + ".png");
    int channels = colorType == GREY || colorType == GREY_ALPHA ? 1 : 3;
    double[] colour = new double[N * channels];
    double[] alpha = new double[N];
    int nonOpaque = 0;
    if (colorType == PALETTE) {
      int entries = Math.min(1 << bits, 200);
      int[] palette = new int[entries * 3];
      for (int i = 0; i < palette.length; i++) {
        palette[i] = random.nextInt(256);
      }
      png.palette(palette);
      int[] alphas = new int[entries / 2 + 1];
      for (int i = 0; i < alphas.length; i++) {
        alphas[i] = i % 3 == 0 ? 255 : random.nextInt(256);
      }
      if (trns) {
        png.trns(alphas);
      }
      for (int i = 0; i < N; i++) {
        raw[i] = random.nextInt(entries);
        for (int c = 0; c < 3; c++) {
          colour[i * 3 + c] = palette[raw[i] * 3 + c] / 255f;
        }
        int a = trns && raw[i] < alphas.length ? alphas[raw[i]] : 255;
        alpha[i] = a / 255.0;
        nonOpaque += a < 255 ? 1 : 0;
      }
    } else {
      int[] key = null;
      if (trns) {
        key = new int[channels];
        for (int c = 0; c < channels; c++) {
          key[c] = random.nextInt(max + 1);
        }
        png.trns(key);
      }
      for (int i = 0; i < N; i++) {
        if (key != null && i % 4 == 1) {
          System.arraycopy(key, 0, raw, i * spp, channels);
        }
        if (spp > channels && i % 4 != 1) {
          raw[i * spp + channels] = max; // the other pixels opaque
        }
        boolean keyed = key != null;
        for (int c = 0; c < channels; c++) {
          colour[i * channels + c] = raw[i * spp + c] / (float) max;
          keyed &= key != null && raw[i * spp + c] == key[c];
        }
        int a = spp > channels ? raw[i * spp + channels] : keyed ? 0 : max;
        alpha[i] = a / (double) max;
        nonOpaque += a < max ? 1 : 0;
      }
    }
    png.samples(raw).write(file);
    return new Sample(
        file,
        channels,
        colour,
        alpha,
        nonOpaque,
        bits <= 8 && nonOpaque == 0 && (bits == 8 || colorType == GREY || colorType == PALETTE));
  }

  private static void assertClose(double[] expected, DecodedImage image, Sample s) {
    assertEquals(s.channels(), image.channels());
    assertEquals(expected.length, image.pixels().length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], image.pixels()[i], 1e-6, "value " + i);
    }
    assertEquals(false, image.eightBit());
  }
}
