package org.beantf.data.images;

import java.nio.file.Path;
import org.beantf.data.BadInputException;

/**
 * Raw samples to a model's floats: scaled to [0,1], composited over a background where not opaque,
 * then converted to the channels asked for.
 *
 * <p>Scaling: {@code v / (float) max}, so 8-bit samples give exactly {@code v / 255f}. Compositing:
 * {@code c' = c·a + bg·(1 − a)}, {@code a = alpha / alphaMax}, bg 1 (white) or 0 (black). Colour to
 * grey: ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}, exactly R where R = G = B. Grey to
 * colour: the grey value in R, G and B.
 */
final class PixelComposer {
  static final float LUMA_R = 0.299f;
  static final float LUMA_G = 0.587f;
  static final float LUMA_B = 0.114f;

  private PixelComposer() {}

  /**
   * @param channels 0 for the channels as stored, or 1 or 3
   * @throws BadInputException if a pixel is not opaque and {@code background} is REFUSE
   */
  static DecodedImage compose(Path file, RawSamples raw, int channels, AlphaBackground background) {
    int n = raw.height() * raw.width();
    int stored = raw.channels();
    int out = channels == 0 ? stored : channels;
    int[] alpha = raw.alpha();
    int alphaMax = raw.alphaMax();
    int nonOpaque = 0;
    if (alpha != null) {
      for (int i = 0; i < n; i++) {
        if (alpha[i] < alphaMax) {
          nonOpaque++;
        }
      }
      if (nonOpaque > 0 && background == AlphaBackground.REFUSE) {
        throw new BadInputException(
            file
                + ": "
                + nonOpaque
                + " of "
                + n
                + " pixels are transparent or translucent (expected an opaque image;"
                + " --alpha-background white|black composites it)");
      }
      if (nonOpaque == 0) {
        alpha = null;
      }
    }
    float bg = background == AlphaBackground.WHITE ? 1f : 0f;
    float max = raw.colourMax();
    float alphaScale = alphaMax;
    int[] s = raw.colour();
    float[] pixels = new float[n * out];
    boolean eightBit = raw.eightBit() && alpha == null;
    boolean lumaUsed = false;
    if (stored == 1) {
      for (int i = 0; i < n; i++) {
        float y = s[i] / max;
        if (alpha != null && alpha[i] < alphaMax) {
          y = over(y, alpha[i] / alphaScale, bg);
        }
        if (out == 1) {
          pixels[i] = y;
        } else {
          pixels[3 * i] = y;
          pixels[3 * i + 1] = y;
          pixels[3 * i + 2] = y;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        float r = s[3 * i] / max;
        float g = s[3 * i + 1] / max;
        float b = s[3 * i + 2] / max;
        if (alpha != null && alpha[i] < alphaMax) {
          float a = alpha[i] / alphaScale;
          r = over(r, a, bg);
          g = over(g, a, bg);
          b = over(b, a, bg);
        }
        if (out == 3) {
          pixels[3 * i] = r;
          pixels[3 * i + 1] = g;
          pixels[3 * i + 2] = b;
        } else if (r == g && g == b) {
          pixels[i] = r;
        } else {
          pixels[i] = luma(r, g, b);
          lumaUsed = true;
        }
      }
    }
    return new DecodedImage(raw.height(), raw.width(), out, pixels, eightBit && !lumaUsed);
  }

  /** ITU-R BT.601 luma of R, G, B in [0,1]; exactly r when r = g = b. */
  static float luma(float r, float g, float b) {
    if (r == g && g == b) {
      return r;
    }
    return Math.min(1f, LUMA_R * r + LUMA_G * g + LUMA_B * b);
  }

  private static float over(float c, float a, float background) {
    return Math.min(1f, c * a + background * (1f - a));
  }
}
