package org.beantf.models.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.train.ClassAccuracy;
import org.beantf.models.train.DatasetJson;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.savedmodels.SavedModelContract;
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
   * Checks that the SavedModel in {@code folder} takes {@code dataset}'s examples and predicts its
   * classes, reading its signature and assets without loading TensorFlow: the same shape, the same
   * class names in the same order (their number for a model exported before it named them), and a
   * table's columns in the model's order.
   *
   * @throws InvalidSettingException naming the dataset, what it has and what the model expects
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
    List<String> modelClasses = BeanModel.classNamesOf(folder);
    boolean named = BeanModel.assetOf(folder, SavedModelContract.CLASSES_ASSET).isPresent();
    if (named
        ? !modelClasses.equals(dataset.classNames())
        : modelClasses.size() != dataset.classes()) {
      throw new InvalidSettingException(
          "dataset",
          dataset.name(),
          "classes "
              + String.join(", ", dataset.classNames())
              + " but --model "
              + folder
              + " predicts "
              + String.join(", ", modelClasses)
              + " (expected the same classes in the same order)");
    }
    List<String> columns = BeanModel.featureNamesOf(folder);
    if (!columns.isEmpty()
        && !dataset.featureNames().isEmpty()
        && !columns.equals(dataset.featureNames())) {
      throw new InvalidSettingException(
          "dataset",
          dataset.name(),
          "columns "
              + String.join(", ", dataset.featureNames())
              + " but --model "
              + folder
              + " takes "
              + String.join(", ", columns)
              + " (expected the model's columns in its order; --ignore-columns leaves others out)");
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
   * The dataset to evaluate the SavedModel in {@code folder} on: when {@code given} names the
   * source the model was trained on ({@code assets/dataset.json}) and no option of it was given,
   * the recorded options, so that the test split is the one the model never trained on; otherwise
   * {@code given}, with a warning when its options differ from the recorded ones.
   *
   * @param optionsGiven whether the command line gave any option of the user's data
   * @param warn told one line when the split may differ from the model's
   */
  public static DatasetSpec datasetFor(
      Path folder, DatasetSpec given, boolean optionsGiven, Consumer<String> warn) {
    Optional<String> recorded = BeanModel.assetOf(folder, SavedModelContract.DATASET_ASSET);
    if (recorded.isEmpty()) {
      return given;
    }
    Path file = folder.resolve("assets").resolve(SavedModelContract.DATASET_ASSET);
    DatasetSpec trained;
    try {
      trained = DatasetJson.parse(new ObjectMapper().readTree(recorded.get()), file).source();
    } catch (JsonProcessingException e) {
      throw new InvalidModelException(file + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    if (!trained.text().equals(given.text())) {
      return given;
    }
    if (!optionsGiven) {
      return trained;
    }
    if (!trained.equals(given)) {
      warn.accept(
          "warning: "
              + given.text()
              + " is read with other options than the model was trained with: its test split may"
              + " hold training examples (give --dataset alone to use the model's)");
    }
    return given;
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
