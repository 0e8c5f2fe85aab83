package org.beantf.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.models.Models;
import org.beantf.models.train.Regularization;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bean demo}: the main job on an embedded default. Fetches MNIST if needed, trains the MLP with BEAN-2 at
 * its default α, exports a SavedModel, reloads it through {@link BeanModel} and reports.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Fetch MNIST, train MLP + BEAN-2, export a SavedModel, reload it with BeanModel and report.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--epochs", defaultValue = "3", paramLabel = "E", description = "training epochs (default 3)")
  int epochs;

  @Option(names = "--out", paramLabel = "DIR", description = "the run directory (default runs/demo-<time>)")
  Path out;

  @Override
  public Integer call() {
    Path run = out != null ? out : Path.of("runs", "demo-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
    TrainConfig config = TrainConfig.builder("mlp", DatasetId.MNIST).regularizers(Regularization.BEAN2)
        .epochs(epochs).build();
    RunDirectory directory = RunDirectory.forNewRun(run);
    Dataset mnist = DatasetOption.cache().load(DatasetId.MNIST);
    System.out.println(mnist.summary());
    System.out.printf(Locale.ROOT, "training mlp + BEAN-2 (alpha %g) for %d epochs into %s%n", config.alpha(),
        epochs, run);
    new Trainer(config, Models.create("mlp", 0), new ProgressBarListener(epochs)).train(mnist, directory);
    Path savedModel = ExportCommand.export(directory, config, null, null, 0);

    try (BeanModel model = BeanModel.load(savedModel)) {
      ImageSet test = mnist.test();
      float[] pixels = new float[test.size() * test.imageSize()];
      for (int i = 0; i < test.size(); i++) {
        test.copyImage(i, pixels, i * test.imageSize());
      }
      Prediction prediction = model.predict(pixels, test.size());
      int right = 0;
      for (int i = 0; i < test.size(); i++) {
        right += prediction.classIds()[i] == test.label(i) ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "reloaded %s with BeanModel: test accuracy %.4f (%d/%d)%n", savedModel,
          (double) right / test.size(), right, test.size());
      describe("hidden", model.correlation("hidden", 2));
    }
    System.out.println("report:        " + run.resolve("report.json"));
    System.out.println("metrics:       " + run.resolve("metrics.jsonl"));
    System.out.println("layers (.npy): " + run.resolve("layers/hidden") + " (weights, correlation1, correlation2)");
    System.out.println("SavedModel:    " + savedModel + " (TF Serving model base " + savedModel.getParent() + ")");
    return 0;
  }

  /** A line on A²: its size, mean and largest off-diagonal entry, and how many pairs reach half of that. */
  private static void describe(String layer, float[][] a2) {
    int n = a2.length;
    double sum = 0;
    double max = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sum += a2[i][j];
        if (i != j) {
          max = Math.max(max, a2[i][j]);
        }
      }
    }
    long strong = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        strong += i != j && a2[i][j] >= max / 2 ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "second-order correlation A² of layer %s: %dx%d, mean %.3g, largest "
        + "off-diagonal %.3g, %.2f%% of pairs at least half of it%n", layer, n, n, sum / ((double) n * n), max,
        100.0 * strong / ((double) n * (n - 1)));
  }
}
