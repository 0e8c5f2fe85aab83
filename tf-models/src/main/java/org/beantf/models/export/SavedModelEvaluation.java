package org.beantf.models.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.train.ClassAccuracy;
import org.beantf.savedmodels.BeanModel;

/**
 * A SavedModel against a labelled image set: whether it takes the images, and its accuracy overall
 * and per class as TF Serving would compute it (through the {@code serving_default} signature, in
 * batches).
 */
public final class SavedModelEvaluation {
  private static final int BATCH = 500;

  private SavedModelEvaluation() {}

  /**
   * Checks that the SavedModel in {@code folder} takes {@code dataset}'s images, reading its
   * signature without loading TensorFlow.
   *
   * @throws InvalidSettingException naming the dataset, its image shape and the model's
   */
  public static void requireFits(Path folder, DatasetId dataset) {
    long[] shape = BeanModel.inputShapeOf(folder).asArray();
    if (shape[0] != dataset.height()
        || shape[1] != dataset.width()
        || shape[2] != dataset.channels()) {
      throw new InvalidSettingException(
          "dataset",
          dataset,
          String.format(
              Locale.ROOT,
              "images are %dx%dx%d but --model %s expects %dx%dx%d",
              dataset.height(),
              dataset.width(),
              dataset.channels(),
              folder,
              shape[0],
              shape[1],
              shape[2]));
    }
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
