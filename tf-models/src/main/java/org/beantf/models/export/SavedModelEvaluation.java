package org.beantf.models.export;

import java.util.Arrays;
import org.beantf.data.ImageSet;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;

/**
 * The accuracy of a loaded SavedModel on a labelled image set, overall and per class, as TF Serving
 * would compute it (through the {@code serving_default} signature, in batches).
 *
 * @param right [classes] the images of each class predicted right
 * @param total [classes] the images of each class
 */
public record SavedModelEvaluation(int[] right, int[] total) {
  private static final int BATCH = 500;

  /**
   * Predicts every image of {@code images} with {@code model} and counts the right ones per class.
   */
  public static SavedModelEvaluation of(BeanModel model, ImageSet images, int classes) {
    int[] right = new int[classes];
    int[] total = new int[classes];
    float[] batch = new float[BATCH * images.imageSize()];
    for (int from = 0; from < images.size(); from += BATCH) {
      int count = Math.min(BATCH, images.size() - from);
      for (int i = 0; i < count; i++) {
        images.copyImage(from + i, batch, i * images.imageSize());
      }
      float[] pixels = count == BATCH ? batch : Arrays.copyOf(batch, count * images.imageSize());
      Prediction prediction = model.predict(pixels, count);
      for (int i = 0; i < count; i++) {
        int label = images.label(from + i);
        total[label]++;
        right[label] += prediction.classIds()[i] == label ? 1 : 0;
      }
    }
    return new SavedModelEvaluation(right, total);
  }

  /** The images predicted right. */
  public int allRight() {
    return Arrays.stream(right).sum();
  }

  /** The images evaluated. */
  public int size() {
    return Arrays.stream(total).sum();
  }

  /** The fraction predicted right (NaN for no images). */
  public double accuracy() {
    return (double) allRight() / size();
  }
}
