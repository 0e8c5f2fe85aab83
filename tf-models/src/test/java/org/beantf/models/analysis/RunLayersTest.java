package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.npy.Npy;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis graph of a trained run: its activations and predictions are those of the exported
 * SavedModel, and its masks silence exactly the neurons asked for.
 */
class RunLayersTest {
  @TempDir static Path dir;

  private static final Dataset DATA =
      new Dataset(
          DatasetInfo.of(DatasetId.MNIST),
          SyntheticData.images(300, 1),
          SyntheticData.images(120, 2));
  private static RunDirectory mlp;
  private static TrainConfig mlpConfig;
  private static Path savedModel;

  @BeforeAll
  static void train() {
    mlpConfig = config(ModelKind.MLP);
    mlp = trained(mlpConfig);
    savedModel =
        ModelExport.export(
            mlpConfig,
            mlp.keptCheckpoint().resolve("variables").toString(),
            dir.resolve("models"),
            "mlp",
            0);
  }

  private static TrainConfig config(ModelKind model) {
    return TrainConfig.builder(model, DatasetId.MNIST)
        .regularizers("bean2")
        .epochs(1)
        .batch(30)
        .threads(2)
        .build();
  }

  private static RunDirectory trained(TrainConfig config) {
    RunDirectory run = RunDirectory.forNewRun(dir.resolve(config.model().id()));
    new Trainer(config, TrainingListener.SILENT).train(DATA, run);
    return run;
  }

  @Test
  void activationsAndPredictionsAreThoseOfTheSavedModel() {
    ImageSet test = DATA.test();
    float[] pixels = new float[test.size() * test.imageSize()];
    for (int i = 0; i < test.size(); i++) {
      test.copyImage(i, pixels, i * test.imageSize());
    }
    try (RunLayers layers = RunLayers.open(mlp, mlpConfig);
        BeanModel model = BeanModel.load(savedModel)) {
      float[][] h = layers.activations("hidden", test);
      float[][] expected = model.activations("hidden", pixels, test.size());
      for (int s = 0; s < h.length; s++) {
        assertArrayEquals(expected[s], h[s], 1e-5f, "image " + s);
      }
      long[] classes = model.predict(pixels, test.size()).classIds();
      int[] predicted = layers.predictSilenced("hidden", h, new boolean[500]);
      for (int s = 0; s < h.length; s++) {
        assertEquals(classes[s], predicted[s], "image " + s);
      }
      assertArrayEquals(
          Npy.read(mlp.layer("hidden").resolve("weights.npy")).toFloatRows(),
          layers.weights("hidden"));
    }
  }

  @Test
  void silencingEveryNeuronLeavesOnlyTheBiasSoEveryImageGetsTheSameClass() {
    try (RunLayers layers = RunLayers.open(mlp, mlpConfig)) {
      float[][] h = layers.activations("hidden", DATA.test());
      boolean[] all = new boolean[500];
      Arrays.fill(all, true);
      int[] predicted = layers.predictSilenced("hidden", h, all);
      assertEquals(1, Arrays.stream(predicted).distinct().count());
      assertNotEquals(
          1,
          Arrays.stream(layers.predictSilenced("hidden", h, new boolean[500])).distinct().count(),
          "the trained model tells classes apart");
    }
  }

  @Test
  void everyLayerOfLeNet5HasItsOwnMask() {
    TrainConfig config = config(ModelKind.LENET5);
    RunDirectory run = trained(config);
    String checkpoint = run.keptCheckpoint().resolve("variables").toString();
    try (RunLayers layers = RunLayers.open(run, config);
        AnalysisGraph graph = AnalysisGraph.restore(config, checkpoint)) {
      assertEquals(List.of("fc1", "fc2", "flatten"), graph.layers());
      for (String layer : List.of("flatten", "fc1", "fc2")) {
        float[][] h = layers.activations(layer, DATA.test());
        boolean[] all = new boolean[h[0].length];
        Arrays.fill(all, true);
        assertEquals(
            1, Arrays.stream(layers.predictSilenced(layer, h, all)).distinct().count(), layer);
      }
    }
  }
}
