package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.Models;
import org.beantf.models.train.Regularization;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's "Train from Java" example, run as written, on real MNIST; the README must show exactly this code. */
class TrainFromJavaIT {
  @TempDir
  Path dir;

  @Test
  void theReadmeExampleTrainsMnist() throws Exception {
    Path runs = dir;
    DatasetCache cache = new DatasetCache(dir.resolve("data"), System.err::println);
    // README-BEGIN
    Dataset mnist = cache.load(DatasetId.MNIST);
    TrainConfig config = TrainConfig.builder("mlp", DatasetId.MNIST)
        .regularizers(Regularization.BEAN2).epochs(1).seed(42).build();
    Trainer trainer = new Trainer(config, Models.create("mlp", 0), TrainingListener.SILENT);
    Trainer.Outcome outcome = trainer.train(mnist, RunDirectory.forNewRun(runs.resolve("mlp-bean2")));
    System.out.printf("test accuracy %.4f%n", outcome.testAccuracy());
    // README-END
    assertTrue(outcome.testAccuracy() > 0.9, "one epoch of MLP + BEAN-2: " + outcome.testAccuracy());
    assertTrue(Files.exists(runs.resolve("mlp-bean2/layers/hidden/correlation2.npy")));
    assertEquals(snippet(Files.readString(Path.of("src/it/java/org/beantf/it/TrainFromJavaIT.java"))),
        readmeBlock("### Train from Java"));
  }

  /** The lines between the README markers of this file, without their indentation. */
  static String snippet(String source) {
    String block = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
        source.indexOf("    // README-END"));
    return block.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /** The first java code block after {@code heading} in README.md, minus its DatasetCache line. */
  static String readmeBlock(String heading) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```java\n", readme.indexOf(heading)) + "```java\n".length();
    String block = readme.substring(start, readme.indexOf("```", start)).strip();
    return block.lines().filter(line -> !line.startsWith("DatasetCache cache") && !line.startsWith("Path runs"))
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
