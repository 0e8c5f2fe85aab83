package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Bilinear resampling with half-pixel centres, against values worked out by hand. */
class ResizeTest {
  @Test
  void upsamplingARowSamplesAtHalfPixelCentresClampedToTheEdges() {
    // 1x2 → 1x4: output x samples the source at (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25,
    // clamped to [0, 1]: 0, 0.25, 0.75, 1 of the way from 0 to 1
    assertArrayEquals(
        new float[] {0f, 0.25f, 0.75f, 1f},
        Resize.bilinear(new float[] {0f, 1f}, 1, 2, 1, 1, 4),
        1e-6f);
  }

  @Test
  void downsamplingByTwoAveragesPairsAndKeepsChannelsApart() {
    // 2x2x2 → 1x1x2: the one output samples (0.5, 0.5), the mean of the four pixels per channel
    float[] pixels = {0f, 1f, 0.2f, 1f, 0.4f, 0f, 0.6f, 0f};
    assertArrayEquals(new float[] {0.3f, 0.5f}, Resize.bilinear(pixels, 2, 2, 2, 1, 1), 1e-6f);
  }

  @Test
  void theSameSizeIsTheSameArray() {
    float[] pixels = {0.1f, 0.2f};
    assertSame(pixels, Resize.bilinear(pixels, 1, 2, 1, 1, 2));
  }
}
