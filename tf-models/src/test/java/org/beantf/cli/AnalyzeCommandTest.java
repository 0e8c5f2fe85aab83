package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean analyze's bad input: exit code 2 and one line naming what was wrong and what was expected.
 */
class AnalyzeCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir static Path dir;

  private static Path run;
  private static Path model;

  @BeforeAll
  static void trainAndExport() {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(30).threads(2).build();
    run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(
                DatasetInfo.of(DatasetId.MNIST),
                SyntheticData.images(100, 1),
                SyntheticData.images(50, 2)),
            RunDirectory.forNewRun(run));
    model =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            dir.resolve("models"),
            "mlp",
            0);
  }

  private void assertBadInput(String expected, String... args) {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(args));
    assertEquals("bean: " + expected, streams.err().strip());
    assertEquals("", streams.out());
  }

  @Test
  void aRunWithoutLayers() throws Exception {
    Path bare = Files.createDirectories(dir.resolve("bare"));
    Files.copy(run.resolve("config.json"), bare.resolve("config.json"));
    assertBadInput(
        "--run "
            + bare
            + ": no layers/<layer>/weights.npy (expected the layers/ folder bean train "
            + "writes when a run finishes)",
        "analyze",
        "--run",
        bare.toString());
    assertFalse(Files.exists(bare.resolve("analysis")));
  }

  @Test
  void aFolderThatIsNoRun() {
    assertBadInput(
        "--run " + dir + ": no config.json (expected a run directory of bean train)",
        "analyze",
        "--run",
        dir.toString());
  }

  @Test
  void anUnknownLayerListsTheKnownOnes() {
    assertBadInput(
        "--layer fc2: no such BEAN layer in " + run + " (expected one of hidden)",
        "analyze",
        "--run",
        run.toString(),
        "--layer",
        "fc2");
    assertFalse(Files.exists(run.resolve("analysis")));
  }

  @Test
  void moreAssembliesThanNeurons() {
    assertBadInput(
        "--k 501: layer hidden has 500 neurons (expected 2 <= k <= 500)",
        "analyze",
        "--run",
        run.toString(),
        "--k",
        "501");
  }

  /** A copy of the run whose hidden layer's W is {@code w}. */
  private static Path runWithWeights(String name, float[][] w) throws Exception {
    Path copy = dir.resolve(name);
    try (var files = Files.walk(run)) {
      for (Path from : files.toList()) {
        Path to = copy.resolve(run.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Npy.writeFloat32(copy.resolve("layers/hidden/weights.npy"), NpyMatrix.of(w));
    return copy;
  }

  @Test
  void nonFiniteWeightsAreNamedBeforeTensorFlowLoads() throws Exception {
    float[][] w = new float[500][10];
    for (int i = 0; i < w.length; i++) {
      w[i][i % 10] = i + 1;
    }
    w[3][4] = Float.NaN;
    Path broken = runWithWeights("nan", w);
    assertBadInput(
        broken.resolve("layers/hidden/weights.npy") + ": W[3][4] = NaN (expected finite weights)",
        "analyze",
        "--run",
        broken.toString());
  }

  @Test
  void theDefaultKNeedsAsManyDistinctNeurons() throws Exception {
    float[][] w = new float[500][10];
    for (int i = 0; i < w.length; i++) {
      w[i][0] = i % 4; // 4 distinct rows: dead and duplicated neurons
    }
    assertBadInput(
        "--k 10: the default, the number of classes: layer hidden has 500 neurons with 4 distinct"
            + " outgoing weight vectors (expected 2 <= k <= 4)",
        "analyze",
        "--run",
        runWithWeights("four", w).toString());
  }

  @Test
  void aNonEmptyOutputFolder() throws Exception {
    Path out = Files.createDirectories(dir.resolve("used"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertBadInput(
        "--out " + out + ": folder is not empty (expected an absent or empty folder)",
        "analyze",
        "--run",
        run.toString(),
        "--out",
        out.toString());
  }

  @Test
  void aDatasetThatDoesNotMatchTheModel() {
    assertBadInput(
        "--dataset cifar10: images are 32x32x3 but --model " + model + " expects 28x28x1",
        "analyze",
        "--model",
        model.toString(),
        "--dataset",
        "cifar10",
        "--out",
        dir.resolve("x").toString());
  }

  @Test
  void aRunAndAModelAtOnce() {
    assertBadInput(
        "--run/--model: expected one of them (got both)",
        "analyze",
        "--run",
        run.toString(),
        "--model",
        model.toString());
  }

  @Test
  void aModelWithoutAnOutputFolder() {
    assertBadInput(
        "--model " + model + ": expected --dataset D and --out DIR2 with it",
        "analyze",
        "--model",
        model.toString(),
        "--dataset",
        "mnist");
  }
}
