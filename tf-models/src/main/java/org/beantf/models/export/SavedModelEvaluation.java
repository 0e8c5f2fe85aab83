package org.beantf.models.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.train.ClassAccuracy;
import org.beantf.savedmodels.BeanModel;
import org.tensorflow.ndarray.Shape;

/**
 * A SavedModel against a labelled image set: whether it takes the images, and its accuracy overall
 * and per class as TF Serving would compute it (through the {@code serving_default} signature, in
 * batches).
 */
public final class SavedModelEvaluation {
  private static final int BATCH = 500;

  private SavedModelEvaluation() {}

  /**
   * Checks that the SavedModel in {@code folder} takes {@code dataset}'s examples, reading its
   * signature without loading TensorFlow.
   *
   * @throws InvalidSettingException naming the dataset, its input shape and the model's
   */
  public static void requireFits(Path folder, DatasetInfo dataset) {
    Shape expected = BeanModel.inputShapeOf(folder);
    if (!expected.equals(dataset.shape())) {
      throw new InvalidSettingException(
          "dataset",
          dataset.name(),
          String.format(
              Locale.ROOT,
              "%s %s but --model %s expects %s",
              dataset.shape().numDimensions() == 3 ? "images are" : "rows have",
              describe(dataset.shape()),
              folder,
              describe(expected)));
    }
  }

  /** "28x28x1" for images, "13 features" for tables. */
  private static String describe(Shape shape) {
    return shape.numDimensions() == 1
        ? shape.get(0) + " features"
        : String.join(
            "x", java.util.Arrays.stream(shape.asArray()).mapToObj(Long::toString).toList());
  }

  /**
   * Predicts every image of {@code images} with {@code model} and counts the right ones per class.
   */
  public static ClassAccuracy accuracy(BeanModel model, ImageSet images, int classes) {
    ClassAccuracy accuracy = new ClassAccuracy(classes);
    float[] batch = new float[BATCH * images.imageSize()];
    for (int from = 0; from < images.size(); from += BATCH) {
      int count = Math.min(BATCH, images.size() - from);
      for (int i = 0; i < count; i++) {
        images.copyImage(from + i, batch, i * images.imageSize());
      }
      float[] pixels = count == BATCH ? batch : Arrays.copyOf(batch, count * images.imageSize());
      long[] predicted = model.predict(pixels, count).classIds();
      for (int i = 0; i < count; i++) {
        accuracy.add(predicted[i], images.label(from + i));
      }
    }
    return accuracy;
  }
}
