package org.beantf.data;

import java.util.Arrays;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Labelled images held in memory: float32 raw pixels in [0,1], laid out NHWC, and one int label per
 * image.
 *
 * <p>The pixel array is shared, not copied, by {@link #images()} so that feeding a batch costs no
 * extra copy of the whole set; callers must not modify it.
 */
public final class ImageSet {
  private final float[] pixels;
  private final int[] labels;
  private final int height;
  private final int width;
  private final int channels;

  /**
   * @param pixels NHWC raw pixels in [0,1], {@code labels.length * height * width * channels} of
   *     them
   * @param labels one class id per image
   */
  public ImageSet(float[] pixels, int[] labels, int height, int width, int channels) {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "image shape " + height + "x" + width + "x" + channels + " must be positive");
    }
    long expected = (long) labels.length * height * width * channels;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          pixels.length
              + " pixels for "
              + labels.length
              + " images of "
              + height
              + "x"
              + width
              + "x"
              + channels
              + " (expected "
              + expected
              + ")");
    }
    this.pixels = pixels;
    this.labels = labels;
    this.height = height;
    this.width = width;
    this.channels = channels;
  }

  public int size() {
    return labels.length;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }

  /** Values per image: height × width × channels. */
  public int imageSize() {
    return height * width * channels;
  }

  public int label(int index) {
    return labels[index];
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The images as an [N, H, W, C] view over the shared pixel array (no copy). */
  public FloatNdArray images() {
    return NdArrays.wrap(
        Shape.of(size(), height, width, channels), DataBuffers.of(pixels, true, false));
  }

  /**
   * Copies image {@code index} into {@code target} at {@code offset} (imageSize() values, HWC
   * order).
   */
  public void copyImage(int index, float[] target, int offset) {
    System.arraycopy(pixels, index * imageSize(), target, offset, imageSize());
  }

  /** The images at {@code indices}, in that order, as a new set. */
  public ImageSet subset(int[] indices) {
    int size = imageSize();
    float[] subPixels = new float[indices.length * size];
    int[] subLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      copyImage(indices[i], subPixels, i * size);
      subLabels[i] = labels[indices[i]];
    }
    return new ImageSet(subPixels, subLabels, height, width, channels);
  }

  /** How many images carry each label 0..classes-1. */
  public int[] classCounts(int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The smallest and largest pixel value, as {min, max}. */
  public float[] pixelRange() {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float p : pixels) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    return new float[] {min, max};
  }

  @Override
  public String toString() {
    return size()
        + " images of "
        + height
        + "x"
        + width
        + "x"
        + channels
        + ", classes "
        + Arrays.toString(classCounts(Arrays.stream(labels).max().orElse(-1) + 1));
  }
}
