package org.beantf.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

class ImageSetTest {
  /**
   * Four 1×2×2 images (H=1, W=2, C=2): image i holds i + 0.1, i + 0.2, i + 0.3, i + 0.4, scaled
   * into [0,1].
   */
  private static ImageSet fourImages() {
    float[] pixels = new float[16];
    for (int i = 0; i < 4; i++) {
      for (int v = 0; v < 4; v++) {
        pixels[4 * i + v] = (i + (v + 1) / 10f) / 4f;
      }
    }
    return new ImageSet(pixels, new int[] {2, 0, 2, 1}, 1, 2, 2);
  }

  @Test
  void subsetKeepsTheOrderOfTheIndices() {
    ImageSet set = fourImages();
    ImageSet subset = set.subset(new int[] {3, 0, 3});
    assertEquals(3, subset.size());
    assertArrayEquals(new int[] {1, 2, 1}, subset.labels());
    float[] copied = new float[12];
    for (int i = 0; i < 3; i++) {
      subset.copyImage(i, copied, 4 * i);
    }
    float[] expected = new float[12];
    int[] from = {3, 0, 3};
    for (int i = 0; i < 3; i++) {
      set.copyImage(from[i], expected, 4 * i);
    }
    assertArrayEquals(expected, copied);
    assertEquals((3 + 0.1f) / 4f, copied[0]);
    assertEquals((0 + 0.4f) / 4f, copied[7]);
  }

  @Test
  void countsImagesPerClass() {
    assertArrayEquals(new int[] {1, 1, 2, 0}, fourImages().classCounts(4));
  }

  @Test
  void pixelRangeIsTheSmallestAndLargestValue() {
    assertArrayEquals(new float[] {0.1f / 4f, 3.4f / 4f}, fourImages().pixelRange(), 1e-6f);
  }

  @Test
  void imagesIsAnNhwcView() {
    FloatNdArray images = fourImages().images();
    assertEquals(Shape.of(4, 1, 2, 2), images.shape());
    assertEquals((2 + 0.3f) / 4f, images.getFloat(2, 0, 1, 0));
    assertEquals((1 + 0.2f) / 4f, images.getFloat(1, 0, 0, 1));
  }

  @Test
  void labelsReturnsACopy() {
    ImageSet set = fourImages();
    set.labels()[0] = 9;
    assertEquals(2, set.label(0));
  }

  @Test
  void rejectsAPixelCountThatDoesNotMatchTheShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ImageSet(new float[15], new int[] {0, 1, 2, 3}, 1, 2, 2));
    assertTrue(e.getMessage().contains("15 values"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 16"), e.getMessage());
  }

  @Test
  void rejectsANonPositiveShape() {
    assertThrows(
        IllegalArgumentException.class, () -> new ImageSet(new float[0], new int[0], 0, 2, 2));
  }
}
