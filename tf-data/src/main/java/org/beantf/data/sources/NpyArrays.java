package org.beantf.data.sources;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.DataFormatException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyArray;

/**
 * Examples and labels as NumPy arrays: X of [S, F] (features, fed to a {@code features} input) or
 * [S, H, W] / [S, H, W, C] (images, fed to an {@code images} input), uint8 read as v/255 and
 * float32/float64 as they are; y of [S] integers 0..K−1, named by a {@code classes.txt} beside X or
 * by their digits.
 */
final class NpyArrays {
  private NpyArrays() {}

  static Dataset load(DatasetSpec spec, DatasetLoader.Listener listener) {
    ImageSet train = read(spec.path(), spec.labels(), listener);
    ImageSet test =
        spec.testPath() == null ? null : read(spec.testPath(), spec.testLabels(), listener);
    if (test != null && !test.exampleShape().equals(train.exampleShape())) {
      throw new DataFormatException(
          spec.testPath(),
          "examples of "
              + test.exampleShape()
              + " (expected "
              + train.exampleShape()
              + ", as "
              + spec.path()
              + ")");
    }
    int largest = Arrays.stream(train.labels()).max().orElse(0);
    if (test != null) {
      largest = Math.max(largest, Arrays.stream(test.labels()).max().orElse(0));
    }
    Path folder = spec.path().toAbsolutePath().getParent();
    List<String> names = ClassNames.fromFile(folder, largest);
    if (names == null) {
      names =
          ClassNames.of(
              Arrays.stream(train.labels()).mapToObj(Integer::toString).toList(),
              i -> spec.labels().toString());
    }
    if (test != null) {
      int testLargest = Arrays.stream(test.labels()).max().orElse(0);
      if (testLargest >= names.size()) {
        throw new DataFormatException(
            spec.testLabels(),
            "label "
                + testLargest
                + " (expected 0.."
                + (names.size() - 1)
                + ", the classes of "
                + spec.labels()
                + ")");
      }
    }
    ImageSet[] parts =
        test != null ? new ImageSet[] {train, test} : Sources.split(train, names, spec.testSplit());
    InputKind input = train.isImages() ? InputKind.IMAGES : InputKind.FEATURES;
    return Sources.dataset(spec, input, parts, names, List.of(), new Preprocessing.Identity());
  }

  private static ImageSet read(Path xFile, Path yFile, DatasetLoader.Listener listener) {
    NpyArray x = Npy.readArray(xFile);
    NpyArray y = Npy.readArray(yFile);
    long[] s = x.shape();
    if (s.length < 2 || s.length > 4) {
      throw new DataFormatException(
          xFile,
          "shape "
              + x.describeShape()
              + " (expected (S, F) features, or (S, H, W) or (S, H, W, C) images)");
    }
    if (y.shape().length != 1 || y.integers() == null && y.unsignedBytes() == null) {
      throw new DataFormatException(
          yFile,
          "dtype "
              + y.dtype()
              + " of shape "
              + y.describeShape()
              + " (expected a 1-D array of integer labels 0..K-1)");
    }
    if (y.shape()[0] != s[0]) {
      throw new BadInputException(
          "npy:"
              + xFile
              + ","
              + yFile
              + ": "
              + s[0]
              + " examples but "
              + y.shape()[0]
              + " labels (expected one label per example)");
    }
    int[] labels = labels(yFile, y);
    int[] shape =
        s.length == 2
            ? new int[] {(int) s[1]}
            : new int[] {(int) s[1], (int) s[2], s.length == 4 ? (int) s[3] : 1};
    if (s.length == 4 && shape[2] != 1 && shape[2] != 3) {
      throw new DataFormatException(
          xFile, "images with " + shape[2] + " channels (expected 1 or 3, the last dimension)");
    }
    if (x.unsignedBytes() != null) {
      return ImageSet.ofUnitBytes(x.unsignedBytes(), labels, shape);
    }
    if (x.floats() == null) {
      throw new DataFormatException(
          xFile, "dtype " + x.dtype() + " (expected uint8 images or float32/float64 values)");
    }
    for (int i = 0; i < x.floats().length; i++) {
      if (!Float.isFinite(x.floats()[i])) {
        throw new DataFormatException(
            xFile, x.floats()[i] + " at flat index " + i + " (expected finite values)");
      }
    }
    if (x.zeroedInFloat32() > 0) {
      listener.note(
          xFile
              + ": "
              + x.zeroedInFloat32()
              + " float64 values too small for float32 are read as 0");
    }
    return ImageSet.ofFloats(x.floats(), labels, shape);
  }

  private static int[] labels(Path file, NpyArray y) {
    int[] labels = new int[(int) y.shape()[0]];
    for (int i = 0; i < labels.length; i++) {
      long v = y.integers() != null ? y.integers()[i] : y.unsignedBytes()[i] & 0xff;
      if (v < 0 || v >= org.beantf.data.DatasetInfo.MAX_CLASSES) {
        throw new DataFormatException(
            file,
            "label "
                + v
                + " at index "
                + i
                + " (expected 0..K-1, K at most "
                + org.beantf.data.DatasetInfo.MAX_CLASSES
                + ")");
      }
      labels[i] = (int) v;
    }
    return labels;
  }
}
