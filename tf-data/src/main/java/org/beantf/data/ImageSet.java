package org.beantf.data;

import java.util.Arrays;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Labelled examples held in memory, one int label each: images of [H, W, C] raw pixels in [0,1]
 * (NHWC), or feature vectors of [F] values.
 *
 * <p>Two storages: float32 values, or unsigned bytes b read as b/255 (8-bit images: a quarter of
 * the memory, converted per batch by {@link #copyImage} through the same table the IDX reader uses,
 * so both give bit-identical floats).
 */
public final class ImageSet {
  private final float[] floats;
  private final byte[] unitBytes;
  private final int[] labels;
  private final int[] shape;
  private final int exampleSize;

  /**
   * @param pixels NHWC raw pixels in [0,1], {@code labels.length * height * width * channels} of
   *     them
   * @param labels one class id per image
   */
  public ImageSet(float[] pixels, int[] labels, int height, int width, int channels) {
    this(pixels, null, labels, new int[] {height, width, channels});
  }

  private ImageSet(float[] floats, byte[] unitBytes, int[] labels, int[] shape) {
    if (shape.length != 1 && shape.length != 3) {
      throw new IllegalArgumentException(
          "example shape " + Arrays.toString(shape) + " (expected [H, W, C] or [F])");
    }
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "example shape " + Arrays.toString(shape) + " must be positive");
      }
      size *= d;
    }
    long expected = labels.length * size;
    int length = floats != null ? floats.length : unitBytes.length;
    if (length != expected) {
      throw new IllegalArgumentException(
          length
              + " values for "
              + labels.length
              + " examples of "
              + Arrays.toString(shape)
              + " (expected "
              + expected
              + ")");
    }
    this.floats = floats;
    this.unitBytes = unitBytes;
    this.labels = labels;
    this.shape = shape.clone();
    this.exampleSize = (int) size;
  }

  /**
   * Examples held as float32 values.
   *
   * @param shape one example's shape: [H, W, C] or [F]
   */
  public static ImageSet ofFloats(float[] values, int[] labels, int... shape) {
    return new ImageSet(values, null, labels, shape);
  }

  /**
   * Examples held as unsigned bytes, each read as b/255 (8-bit images).
   *
   * @param shape one example's shape: [H, W, C] or [F]
   */
  public static ImageSet ofUnitBytes(byte[] bytes, int[] labels, int... shape) {
    return new ImageSet(null, bytes, labels, shape);
  }

  public int size() {
    return labels.length;
  }

  /** One example's shape: [H, W, C] for images, [F] for feature vectors. */
  public Shape exampleShape() {
    return Shape.of(Arrays.stream(shape).asLongStream().toArray());
  }

  /** True for images ([H, W, C]), false for feature vectors. */
  public boolean isImages() {
    return shape.length == 3;
  }

  public int height() {
    return imageDimension(0);
  }

  public int width() {
    return imageDimension(1);
  }

  public int channels() {
    return imageDimension(2);
  }

  private int imageDimension(int i) {
    if (!isImages()) {
      throw new IllegalStateException("feature vectors of " + shape[0] + " values, not images");
    }
    return shape[i];
  }

  /** Values per example: height × width × channels, or the number of features. */
  public int imageSize() {
    return exampleSize;
  }

  /** The bytes held per value: 1 for 8-bit images, 4 for float32. */
  public int bytesPerValue() {
    return floats != null ? Float.BYTES : 1;
  }

  public int label(int index) {
    return labels[index];
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The examples as an [N, ...shape] array (a view when held as floats, else a copy). */
  public FloatNdArray images() {
    Shape all = Shape.of(size()).append(exampleShape());
    if (floats != null) {
      return NdArrays.wrap(all, DataBuffers.of(floats, true, false));
    }
    float[] copy = new float[unitBytes.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = Pixels.toUnitFloat(unitBytes[i]);
    }
    return NdArrays.wrap(all, DataBuffers.of(copy, true, false));
  }

  /** Copies example {@code index} into {@code target} at {@code offset} (imageSize() values). */
  public void copyImage(int index, float[] target, int offset) {
    int from = index * exampleSize;
    if (floats != null) {
      System.arraycopy(floats, from, target, offset, exampleSize);
    } else {
      Pixels.toUnitFloats(unitBytes, from, exampleSize, target, offset);
    }
  }

  /** The examples at {@code indices}, in that order, as a new set with the same storage. */
  public ImageSet subset(int[] indices) {
    int[] subLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      subLabels[i] = labels[indices[i]];
    }
    if (floats != null) {
      float[] sub = new float[indices.length * exampleSize];
      for (int i = 0; i < indices.length; i++) {
        System.arraycopy(floats, indices[i] * exampleSize, sub, i * exampleSize, exampleSize);
      }
      return new ImageSet(sub, null, subLabels, shape);
    }
    byte[] sub = new byte[indices.length * exampleSize];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(unitBytes, indices[i] * exampleSize, sub, i * exampleSize, exampleSize);
    }
    return new ImageSet(null, sub, subLabels, shape);
  }

  /** How many examples carry each label 0..classes-1. */
  public int[] classCounts(int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The smallest and largest value, as {min, max}. */
  public float[] pixelRange() {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    float[] one = new float[exampleSize];
    for (int i = 0; i < size(); i++) {
      copyImage(i, one, 0);
      for (float p : one) {
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
    }
    return new float[] {min, max};
  }

  @Override
  public String toString() {
    return size()
        + " examples of "
        + Arrays.toString(shape)
        + ", classes "
        + Arrays.toString(classCounts(Arrays.stream(labels).max().orElse(-1) + 1));
  }
}
