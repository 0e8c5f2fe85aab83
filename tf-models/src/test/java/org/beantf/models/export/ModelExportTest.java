package org.beantf.models.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;
import org.beantf.models.ModelKind;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingOutcome;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.savedmodels.Prediction;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.SavedModelFiles;
import org.beantf.savedmodels.VersionExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** A trained run exported as a SavedModel and read back through BeanModel and the raw proto. */
class ModelExportTest {
  @TempDir static Path dir;

  private static Path run;
  private static Path version;
  private static TrainingOutcome outcome;
  private static ImageSet test;
  private static TrainConfig config;

  @BeforeAll
  static void trainAndExport() {
    Dataset data =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST),
            SyntheticData.images(300, 1),
            SyntheticData.images(100, 2));
    test = data.test();
    config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean2")
            .epochs(1)
            .batch(30)
            .threads(2)
            .build();
    run = dir.resolve("run");
    outcome = new Trainer(config, TrainingListener.SILENT).train(data, RunDirectory.forNewRun(run));
    version =
        ModelExport.export(
            config,
            new RunDirectory(run).keptCheckpoint().resolve("variables").toString(),
            run.resolve("savedmodel"),
            "mlp",
            0);
  }

  private static float[] pixels(ImageSet images) {
    float[] all = new float[images.size() * images.imageSize()];
    for (int i = 0; i < images.size(); i++) {
      images.copyImage(i, all, i * images.imageSize());
    }
    return all;
  }

  @Test
  void exportsToVersionOneInTfServingLayout() {
    assertEquals(run.resolve("savedmodel/mlp/1"), version);
    assertTrue(Files.isRegularFile(version.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(version.resolve("variables/variables.index")));
  }

  @Test
  void beanModelPredictsWhatTheTrainerMeasured() {
    try (BeanModel model = BeanModel.load(run.resolve("savedmodel/mlp"))) {
      assertEquals(version, model.folder());
      assertEquals(Shape.of(28, 28, 1), model.inputShape());
      assertEquals(List.of("hidden"), model.layers());
      Prediction prediction = model.predict(pixels(test), test.size());
      int right = 0;
      for (int i = 0; i < test.size(); i++) {
        right += prediction.classIds()[i] == test.label(i) ? 1 : 0;
        float sum = 0;
        for (float p : prediction.probabilities()[i]) {
          sum += p;
        }
        assertEquals(1f, sum, 1e-5f);
      }
      assertEquals(outcome.testAccuracy(), (double) right / test.size(), 1e-12);
    }
  }

  @Test
  void weightsAndCorrelationsEqualTheRunsNpyFiles() {
    try (BeanModel model = BeanModel.load(version)) {
      assertEquals(
          Npy.read(run.resolve("layers/hidden/weights.npy")),
          NpyMatrix.of(model.weights("hidden")));
      assertEquals(
          Npy.read(run.resolve("layers/hidden/correlation1.npy")),
          NpyMatrix.of(model.correlation("hidden", 1)));
      assertEquals(
          Npy.read(run.resolve("layers/hidden/correlation2.npy")),
          NpyMatrix.of(model.correlation("hidden", 2)));
      float[][] h = model.activations("hidden", pixels(test), test.size());
      assertEquals(test.size(), h.length);
      assertEquals(500, h[0].length);
    }
  }

  @Test
  void theLayersAndTheirWeightShapesAreReadWithoutLoadingTheModel() {
    assertEquals(
        Map.of("hidden", Shape.of(500, 10)),
        BeanModel.layerShapesOf(run.resolve("savedmodel/mlp")));
  }

  @Test
  void theProtoHoldsTheContractAndOnlyTheModelsWeights() throws Exception {
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(version.resolve("saved_model.pb")));
    MetaGraphDef meta = saved.getMetaGraphs(0);
    assertEquals(List.of(SavedModelContract.TAG), meta.getMetaInfoDef().getTagsList());
    Map<String, SignatureDef> signatures = meta.getSignatureDefMap();
    SignatureDef serving = signatures.get(SavedModelContract.SERVING_DEFAULT);
    assertEquals(SavedModelContract.PREDICT_METHOD, serving.getMethodName());
    assertEquals(
        SavedModelContract.PREDICT_METHOD,
        signatures.get(SavedModelContract.BEAN_SIGNATURE).getMethodName());
    assertEquals(
        List.of(-1L, 28L, 28L, 1L),
        serving.getInputsOrThrow("images").getTensorShape().getDimList().stream()
            .map(d -> d.getSize())
            .toList());
    for (String output : List.of("logits", "probabilities", "class_ids")) {
      assertEquals(
          -1L, serving.getOutputsOrThrow(output).getTensorShape().getDim(0).getSize(), output);
    }
    assertEquals(DataType.DT_FLOAT, serving.getInputsOrThrow("images").getDtype());
    assertEquals(DataType.DT_FLOAT, serving.getOutputsOrThrow("logits").getDtype());
    assertEquals(DataType.DT_FLOAT, serving.getOutputsOrThrow("probabilities").getDtype());
    assertEquals(DataType.DT_INT64, serving.getOutputsOrThrow("class_ids").getDtype());
    assertEquals(List.of(-1L, 10L), dims(serving.getOutputsOrThrow("logits")));
    SignatureDef bean = signatures.get(SavedModelContract.BEAN_SIGNATURE);
    assertEquals(
        java.util.Set.of(
            "activations/hidden", "weights/hidden", "correlation1/hidden", "correlation2/hidden"),
        bean.getOutputsMap().keySet());
    assertEquals(List.of(-1L, 500L), dims(bean.getOutputsOrThrow("activations/hidden")));
    assertEquals(List.of(500L, 10L), dims(bean.getOutputsOrThrow("weights/hidden")));
    assertEquals(List.of(500L, 500L), dims(bean.getOutputsOrThrow("correlation2/hidden")));
    bean.getOutputsMap().values().forEach(info -> assertEquals(DataType.DT_FLOAT, info.getDtype()));
    assertTrue(
        meta.getGraphDef().getNodeList().stream()
            .noneMatch(
                n ->
                    n.getOp().startsWith("Apply")
                        || n.getName().startsWith("adam")
                        || n.getName().equals("global_step")),
        "optimizer state in the graph");
    long weightBytes = (784L * 500 + 500 + 500 * 10 + 10) * 4;
    long variableBytes;
    try (Stream<Path> files = Files.list(version.resolve("variables"))) {
      variableBytes =
          files
              .filter(f -> f.getFileName().toString().startsWith("variables.data"))
              .mapToLong(f -> f.toFile().length())
              .sum();
    }
    assertTrue(
        Math.abs(variableBytes - weightBytes) <= 0.1 * weightBytes,
        variableBytes + " vs " + weightBytes);
  }

  private static List<Long> dims(TensorInfo info) {
    return info.getTensorShape().getDimList().stream().map(d -> d.getSize()).toList();
  }

  @Test
  void anExistingVersionIsNeverOverwritten() throws Exception {
    byte[] before = Files.readAllBytes(version.resolve("saved_model.pb"));
    assertThrows(
        VersionExistsException.class,
        () ->
            ModelExport.export(
                config,
                new RunDirectory(run).keptCheckpoint().resolve("variables").toString(),
                run.resolve("savedmodel"),
                "mlp",
                1));
    assertArrayEquals(before, Files.readAllBytes(version.resolve("saved_model.pb")));
    try (Stream<Path> entries = Files.list(run.resolve("savedmodel/mlp"))) {
      assertEquals(
          List.of("1"), entries.map(p -> p.getFileName().toString()).toList(), "no temporary left");
    }
  }

  @Test
  void aShardCutShortIsFoundFromTheSizesTheIndexPromises() throws Exception {
    assertEquals(Optional.empty(), SavedModelFiles.missing(version));
    Path copy = dir.resolve("cut/1");
    Files.createDirectories(copy.resolve("variables"));
    for (String file : List.of("saved_model.pb", "variables/variables.index")) {
      Files.copy(version.resolve(file), copy.resolve(file));
    }
    Path shard = version.resolve("variables/variables.data-00000-of-00001");
    byte[] whole = Files.readAllBytes(shard);
    Files.write(
        copy.resolve("variables/variables.data-00000-of-00001"), Arrays.copyOf(whole, 1000));
    assertEquals(
        Optional.of(
            "variables/variables.data-00000-of-00001 holds 1000 bytes, the index promises "
                + whole.length),
        SavedModelFiles.missing(copy));
  }

  @Test
  void badInputsAreTypedAndNothingCrashes() throws Exception {
    assertThrows(InvalidModelException.class, () -> BeanModel.load(dir.resolve("nosuch")));
    Files.createDirectories(dir.resolve("empty"));
    InvalidModelException e =
        assertThrows(InvalidModelException.class, () -> BeanModel.load(dir.resolve("empty")));
    assertTrue(e.getMessage().contains("no saved_model.pb"), e.getMessage());
    try (BeanModel model = BeanModel.load(version)) {
      IllegalArgumentException shape =
          assertThrows(IllegalArgumentException.class, () -> model.predict(new float[700], 1));
      assertTrue(
          shape
              .getMessage()
              .contains("got 700 values for 1 images (expected 1 × [28, 28, 1] = 784"),
          shape.getMessage());
      assertThrows(IllegalArgumentException.class, () -> model.correlation("nosuch", 1));
      float[] nan = new float[784];
      java.util.Arrays.fill(nan, Float.NaN);
      nan[0] = 0.5f;
      IllegalArgumentException notFinite =
          assertThrows(IllegalArgumentException.class, () -> model.predict(nan, 1));
      assertTrue(
          notFinite.getMessage().contains("value NaN at image 0, pixel 1"), notFinite.getMessage());
      assertEquals(
          1,
          model.predict(new float[784], 1).size(),
          "the model still serves after refusing a batch");
    }
    BeanModel closed = BeanModel.load(version);
    closed.close();
    assertThrows(IllegalStateException.class, () -> closed.weights("hidden"));
    assertFalse(Files.exists(dir.resolve("nosuch")));
  }
}
