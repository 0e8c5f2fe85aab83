package org.beantf.data;

import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * What a model trained on a dataset needs to know of it, without its examples (TFDS's {@code
 * DatasetInfo}): where it came from, the input's kind and shape, the class names, the training
 * set's size and the preprocessing the graph applies. A run records it so that resuming, exporting
 * and analysing rebuild the same graph without reading the data again.
 *
 * @param source the {@code --dataset} value and its options
 * @param input images ([H, W, C]) or feature vectors ([F])
 * @param shape one example's shape
 * @param classNames one name per class, in label order (2 to {@value #MAX_CLASSES})
 * @param featureNames the columns of a table, in input order (empty for images and arrays)
 * @param trainSize examples in the training set (before any validation hold-out)
 * @param preprocessing what the graph does to the input before the first layer
 */
public record DatasetInfo(
    DatasetSpec source,
    InputKind input,
    Shape shape,
    List<String> classNames,
    List<String> featureNames,
    int trainSize,
    Preprocessing preprocessing) {

  /** The most classes a dataset may have. */
  public static final int MAX_CLASSES = 1000;

  public DatasetInfo {
    classNames = List.copyOf(classNames);
    featureNames = List.copyOf(featureNames);
    if (classNames.size() < 2 || classNames.size() > MAX_CLASSES) {
      throw new IllegalArgumentException(
          classNames.size() + " classes (expected 2 to " + MAX_CLASSES + ")");
    }
    if (input == InputKind.IMAGES ? shape.numDimensions() != 3 : shape.numDimensions() != 1) {
      throw new IllegalArgumentException(input + " of shape " + shape);
    }
  }

  /** A built-in dataset's, known without reading it. */
  public static DatasetInfo of(DatasetId id) {
    return new DatasetInfo(
        DatasetSpec.of(id),
        InputKind.IMAGES,
        Shape.of(id.height(), id.width(), id.channels()),
        id.classNames(),
        List.of(),
        id.trainSize(),
        id == DatasetId.CIFAR10 ? new Preprocessing.Symmetric() : new Preprocessing.Identity());
  }

  /** The number of classes. */
  public int classes() {
    return classNames.size();
  }

  /** The {@code --dataset} value, as given. */
  public String name() {
    return source.text();
  }

  /** "28x28x1" or "13 features". */
  public String describeShape() {
    return input == InputKind.IMAGES
        ? shape.get(0) + "x" + shape.get(1) + "x" + shape.get(2)
        : shape.get(0) + " features";
  }
}
