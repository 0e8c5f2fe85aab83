package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.data.io.Folders;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use from Java" example, run as written (its relative path included) on a model trained
 * one epoch on real MNIST and exported where the example looks for it.
 */
class UseFromJavaIT {
  private static final Path RUN = Path.of("runs", "mlp-bean2");

  @TempDir Path dir;

  record Answer(long digit, float[][] a2) {}

  static Answer example(float[] pixels) {
    // spotless:off (the README shows these lines as they are laid out here)
    // README-BEGIN
    try (BeanModel model = BeanModel.load(Path.of("runs/mlp-bean2/savedmodel/mlp"))) {
      Prediction prediction = model.predict(pixels, 1);          // raw pixels in [0,1], NHWC: 1 × 28 × 28 × 1
      long digit = prediction.classIds()[0];
      float[][] a2 = model.correlation("hidden", 2);             // A², 500 × 500
      // README-END
      // spotless:on
      return new Answer(digit, a2);
    }
  }

  @Test
  void theReadmeExampleLoadsAndPredicts() throws Exception {
    Dataset mnist =
        new DatasetCache(dir.resolve("data"), System.err::println).load(DatasetId.MNIST);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).regularizers("bean2").epochs(1).build();
    Folders.deleteRecursively(RUN);
    try {
      new Trainer(config, TrainingListener.SILENT).train(mnist, RunDirectory.forNewRun(RUN));
      ModelExport.export(
          config,
          RUN.resolve("checkpoint/variables").toString(),
          RUN.resolve("savedmodel"),
          "mlp",
          0);
      float[] pixels = new float[784];
      mnist.test().copyImage(0, pixels, 0);
      Answer answer = example(pixels);
      assertEquals(mnist.test().label(0), answer.digit(), "the first MNIST test image");
      assertEquals(500, answer.a2().length);
      assertEquals(500, answer.a2()[0].length);
    } finally {
      Folders.deleteRecursively(Path.of("runs"));
    }
    String readme = TrainFromJavaIT.readmeBlock("### Use from Java", 0);
    String source =
        TrainFromJavaIT.snippet(
            Files.readString(Path.of("src/it/java/org/beantf/it/UseFromJavaIT.java")));
    assertEquals(source + "\n}", readme);
  }
}
