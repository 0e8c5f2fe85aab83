package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.ModelKind;
import org.beantf.models.export.InferenceGraph;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingSession;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.SavedModelExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Train on real MNIST, export, reload: the probabilities of BeanModel and of a raw SavedModelBundle
 * equal the training graph's own (its inference pass on the restored checkpoint) to relative 1e-6.
 */
class ExportRoundTripIT {
  private static final int BATCH = 200;

  @TempDir Path dir;

  @Test
  void beanModelAndTheRawBundleEqualTheTrainingGraph() throws Exception {
    Dataset mnist = new DatasetCache(dir.resolve("data"), line -> {}).load(DatasetId.MNIST);
    TrainConfig config =
        TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST)
            .regularizers("bean2")
            .epochs(1)
            .threads(2)
            .build();
    Path run = dir.resolve("run");
    Dataset small =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST), mnist.train().subset(range(3000)), mnist.test());
    new Trainer(config, TrainingListener.SILENT).train(small, RunDirectory.forNewRun(run));
    Path version =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            run.resolve("savedmodel"),
            "lenet5",
            0);

    ImageSet batch = mnist.test().subset(range(BATCH));
    float[] pixels = new float[BATCH * 784];
    for (int i = 0; i < BATCH; i++) {
      batch.copyImage(i, pixels, i * 784);
    }
    float[][] training = trainingGraphProbabilities(config, run, batch);
    float[][] viaBeanModel;
    try (BeanModel model = BeanModel.load(version)) {
      viaBeanModel = model.predict(pixels, BATCH).probabilities();
    }
    float[][] viaBundle;
    try (SavedModelBundle bundle =
            SavedModelBundle.load(version.toString(), SavedModelContract.TAG);
        TFloat32 images =
            TFloat32.tensorOf(Shape.of(BATCH, 28, 28, 1), DataBuffers.of(pixels, true, false));
        Result result =
            bundle
                .function(SavedModelContract.SERVING_DEFAULT)
                .call(Map.of(SavedModelContract.IMAGES, images))) {
      viaBundle =
          StdArrays.array2dCopyOf(
              (TFloat32) result.get(SavedModelContract.PROBABILITIES).orElseThrow());
    }
    for (int i = 0; i < BATCH; i++) {
      for (int c = 0; c < 10; c++) {
        double expected = training[i][c];
        double tolerance = 1e-6 * Math.max(Math.abs(expected), 1e-30);
        assertEquals(
            expected, viaBeanModel[i][c], tolerance, "BeanModel image " + i + " class " + c);
        assertEquals(expected, viaBundle[i][c], tolerance, "bundle image " + i + " class " + c);
      }
    }
  }

  @Test
  void aSavedModelWithoutTheBeanSignatureStillPredictsAndExplainsWhatIsMissing() throws Exception {
    Dataset data =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST), RandomImages.of(200, 1), RandomImages.of(50, 2));
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(50).threads(2).build();
    Path run = dir.resolve("plain");
    new Trainer(config, TrainingListener.SILENT).train(data, RunDirectory.forNewRun(run));
    Path version;
    try (Graph graph = new Graph()) {
      List<Signature> signatures = InferenceGraph.build(graph, config);
      try (Session session = new Session(graph)) {
        session.restore(run.resolve("checkpoint/variables").toString());
        version =
            SavedModelExporter.export(
                session, signatures.subList(0, 1), dir.resolve("models"), "plain", 1);
      }
    }
    try (BeanModel model = BeanModel.load(version)) {
      assertEquals(List.of(), model.layers());
      assertEquals(1, model.predict(new float[784], 1).size());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> model.correlation("hidden", 2));
      assertTrue(e.getMessage().contains("no 'bean' signature"), e.getMessage());
    }
  }

  private static float[][] trainingGraphProbabilities(
      TrainConfig config, Path run, ImageSet batch) {
    try (TrainingSession session = TrainingSession.open(config);
        BatchFeeder feeder = new BatchFeeder(batch, BATCH)) {
      session.restore(run.resolve("checkpoint/variables").toString());
      float[][] logits = session.logits(feeder.feed(range(BATCH)));
      float[][] probabilities = new float[logits.length][];
      for (int i = 0; i < logits.length; i++) {
        probabilities[i] = softmax(logits[i]);
      }
      return probabilities;
    }
  }

  /**
   * Softmax in double precision, rounded to float: the reference TF's float32 softmax must match.
   */
  private static float[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] e = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp(logits[i] - max);
      sum += e[i];
    }
    float[] p = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = (float) (e[i] / sum);
    }
    return p;
  }

  private static int[] range(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
