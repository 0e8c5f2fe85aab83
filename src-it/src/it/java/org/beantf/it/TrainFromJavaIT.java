package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.ModelKind;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Train from Java" example, run as written, on real MNIST; the README must show exactly
 * this code.
 */
class TrainFromJavaIT {
  @TempDir Path dir;

  @Test
  void theReadmeExampleTrainsMnist() throws Exception {
    Path runs = dir;
    DatasetCache cache = new DatasetCache(dir.resolve("data"), System.err::println);
    // spotless:off (the README shows these lines as they are laid out here)
    // README-BEGIN
    Dataset mnist = cache.load(DatasetId.MNIST);
    TrainConfig config = TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
        .regularizers("bean2").epochs(1).seed(42).build();
    Trainer trainer = new Trainer(config, TrainingListener.SILENT);
    TrainingOutcome outcome = trainer.train(mnist, RunDirectory.forNewRun(runs.resolve("mlp-bean2")));
    System.out.printf("test accuracy %.4f%n", outcome.testAccuracy());
    // README-END
    // spotless:on
    assertTrue(
        outcome.testAccuracy() > 0.9, "one epoch of MLP + BEAN-2: " + outcome.testAccuracy());
    assertTrue(Files.exists(runs.resolve("mlp-bean2/layers/hidden/correlation2.npy")));
    assertEquals(
        snippet(Files.readString(Path.of("src/it/java/org/beantf/it/TrainFromJavaIT.java"))),
        readmeBlock("### Train from Java", 0));
  }

  /**
   * The lines between the README-BEGIN and README-END markers of {@code source}, without their
   * indentation.
   */
  static String snippet(String source) {
    List<String> lines = source.lines().toList();
    int begin = 0;
    while (!lines.get(begin).contains("// README-BEGIN")) {
      begin++;
    }
    int end = begin;
    while (!lines.get(end).contains("// README-END")) {
      end++;
    }
    List<String> block = lines.subList(begin + 1, end);
    int indent = block.get(0).length() - block.get(0).stripLeading().length();
    return block.stream()
        .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
        .collect(Collectors.joining("\n"));
  }

  /**
   * Java code block number {@code index} (from 0) after {@code heading} in README.md, without the
   * lines that only set up paths the test replaces with temporary ones.
   */
  static String readmeBlock(String heading, int index) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf(heading);
    for (int i = 0; i <= index; i++) {
      start = readme.indexOf("```java\n", start) + "```java\n".length();
    }
    String block = readme.substring(start, readme.indexOf("```", start)).strip();
    return block
        .lines()
        .filter(
            line ->
                !line.startsWith("DatasetCache cache")
                    && !line.startsWith("Path runs")
                    && !line.startsWith("Path iris"))
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}
