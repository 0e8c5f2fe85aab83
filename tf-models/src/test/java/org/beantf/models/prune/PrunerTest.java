package org.beantf.models.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.npy.Npy;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.nn.VariableValue;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingSession;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;

/**
 * {@code bean prune}'s library on small synthetic runs of the MLP (one BEAN layer) and LeNet-5
 * (three chained ones): the exported shapes and weights against what the run's layers/ files and
 * the criterion give, computed here; the exported model's predictions against the pruned training
 * graph's and, when nothing is removed, against {@code bean export}'s; fine-tuning's zeros.
 */
class PrunerTest {
  @TempDir static Path dir;

  private static Dataset data;
  private static TrainConfig mlp;
  private static TrainConfig lenet;
  private static Path mlpRun;
  private static Path lenetRun;

  @BeforeAll
  static void train() {
    data =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST),
            SyntheticData.images(300, 1),
            SyntheticData.images(100, 2));
    mlp =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean1")
            .hidden(40)
            .epochs(2)
            .batch(30)
            .threads(1)
            .build();
    mlpRun = dir.resolve("mlp");
    new Trainer(mlp, TrainingListener.SILENT).train(data, RunDirectory.forNewRun(mlpRun));
    lenet =
        TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST)
            .regularizers("bean1")
            .epochs(1)
            .batch(30)
            .threads(1)
            .build();
    lenetRun = dir.resolve("lenet");
    new Trainer(lenet, TrainingListener.SILENT).train(data, RunDirectory.forNewRun(lenetRun));
  }

  private static PruningReport prune(Path run, PruneSettings settings, String out)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve(out));
    return Pruner.prune(PrunableRun.open(run), settings, data, folder, line -> {});
  }

  private static PruneSettings threshold(double tau, int epochs) {
    return new PruneSettings(PruneSettings.Criterion.THRESHOLD, tau, epochs, 2);
  }

  private static float[][] w(Path run, String layer) {
    return Npy.read(run.resolve("layers").resolve(layer).resolve("weights.npy")).toFloatRows();
  }

  /** max_j |tanh(w_ij)| of each row (γ = 1). */
  private static double[] rowMaxima(float[][] w) {
    return Arrays.stream(w)
        .mapToDouble(
            row -> {
              double max = 0;
              for (float v : row) {
                max = Math.max(max, Math.abs(Math.tanh(v)));
              }
              return max;
            })
        .toArray();
  }

  /** A τ halfway between the k-th and (k+1)-th smallest row maxima: it removes k neurons. */
  private static double removing(int k, float[][] w) {
    double[] maxima = rowMaxima(w);
    Arrays.sort(maxima);
    return (maxima[k - 1] + maxima[k]) / 2;
  }

  private static float[] pixels(ImageSet images) {
    float[] all = new float[images.size() * images.imageSize()];
    for (int i = 0; i < images.size(); i++) {
      images.copyImage(i, all, i * images.imageSize());
    }
    return all;
  }

  private static Prediction predict(Path savedModel) {
    try (BeanModel model = BeanModel.load(savedModel)) {
      return model.predict(pixels(data.test()), data.test().size());
    }
  }

  /** The shapes of the SavedModel's variables, sorted by their text. */
  private static List<String> variableShapes(Path version) {
    List<String> shapes = new ArrayList<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), "serve")) {
      for (Iterator<GraphOperation> ops = bundle.graph().operations(); ops.hasNext(); ) {
        GraphOperation op = ops.next();
        if (op.type().startsWith("Variable")) {
          shapes.add(op.output(0).shape().toString());
        }
      }
    }
    shapes.sort(null);
    return shapes;
  }

  private static List<String> sorted(Shape... shapes) {
    List<String> text = new ArrayList<>(Arrays.stream(shapes).map(Shape::toString).toList());
    text.sort(null);
    return text;
  }

  /**
   * The logits of the run's training graph with {@code masks} (connections removed, layers not
   * shrunk), on the test set: the path the exported model is compared with.
   */
  private static float[][] maskedLogits(
      Path run, TrainConfig config, Map<String, float[][]> masks) {
    try (TrainingSession session = TrainingSession.open(config, masks);
        BatchFeeder feeder = new BatchFeeder(data.test(), data.test().size())) {
      session.restore(new RunDirectory(run).keptCheckpoint().resolve("variables").toString());
      session.applyMasks();
      int[] all = new int[data.test().size()];
      Arrays.setAll(all, i -> i);
      return session.logits(feeder.feed(all));
    }
  }

  private static void assertSamePredictions(
      float[][] expected, Prediction actual, float tolerance) {
    for (int i = 0; i < expected.length; i++) {
      int best = 0;
      for (int c = 1; c < expected[i].length; c++) {
        best = expected[i][c] > expected[i][best] ? c : best;
      }
      assertEquals(best, actual.classIds()[i], "example " + i);
      assertArrayEquals(expected[i], actual.logits()[i], tolerance, "example " + i);
    }
  }

  private static double accuracy(Prediction prediction) {
    int right = 0;
    for (int i = 0; i < prediction.size(); i++) {
      right += prediction.classIds()[i] == data.test().label(i) ? 1 : 0;
    }
    return (double) right / prediction.size();
  }

  @Test
  void theMlpsExportedKernelsHaveExactlyTheSurvivingShapesAndTheMaskedWeights() throws Exception {
    float[][] w = w(mlpRun, "hidden");
    double tau = removing(15, w);
    PruningReport report = prune(mlpRun, threshold(tau, 0), "mlp-shapes");
    int kept = 40 - 15;
    Path version = dir.resolve("mlp-shapes").resolve(report.savedModel());
    assertEquals(Path.of("savedmodel", "mlp", "1"), Path.of(report.savedModel()));
    assertEquals(
        sorted(Shape.of(784, kept), Shape.of(kept), Shape.of(kept, 10), Shape.of(10)),
        variableShapes(version));

    // W of the kept rows, in order, each connection below τ zero
    List<float[]> expected = new ArrayList<>();
    for (float[] row : w) {
      float[] masked = new float[row.length];
      boolean any = false;
      for (int j = 0; j < row.length; j++) {
        boolean keep = Math.abs(Math.tanh(row[j])) >= tau;
        masked[j] = keep ? row[j] : 0f;
        any |= keep;
      }
      if (any) {
        expected.add(masked);
      }
    }
    try (BeanModel model = BeanModel.load(version)) {
      assertArrayEquals(expected.toArray(new float[0][]), model.weights("hidden"));
      assertEquals(kept, model.correlation("hidden", 1).length);
      assertEquals(kept, model.correlation("hidden", 2)[0].length);
      assertEquals(
          kept,
          model.activations("hidden", Arrays.copyOf(pixels(data.test()), 3 * 784), 3)[0].length);
    }

    assertEquals(
        new PruningReport.LayerCount("hidden", 40, kept, 400, nonzero(expected)),
        report.layers().get(0));
    assertEquals(784L * 40 + 40 * 10, report.before().cost().multiplyAdds());
    assertEquals(784L * kept + kept * 10, report.after().cost().multiplyAdds());
    assertEquals(784L * 40 + 40 + 40 * 10 + 10, report.before().cost().denseParameters());
    assertEquals(784L * kept + kept + kept * 10 + 10, report.after().cost().denseParameters());
    assertEquals(report.after().cost().denseParameters(), report.after().cost().parameters());
    assertNull(report.fineTunedAccuracy());
    assertEquals(
        List.of(1, 100), report.after().latencies().stream().map(PredictLatency::batch).toList());
    assertTrue(Files.isRegularFile(dir.resolve("mlp-shapes/pruning.json")));
    assertTrue(!Files.exists(dir.resolve("mlp-shapes/.original")));
  }

  private static long nonzero(List<float[]> rows) {
    long count = 0;
    for (float[] row : rows) {
      for (float v : row) {
        count += v != 0 ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void theExportedMlpPredictsAsThePrunedTrainingGraph() throws Exception {
    float[][] w = w(mlpRun, "hidden");
    double tau = removing(20, w);
    PruningReport report = prune(mlpRun, threshold(tau, 0), "mlp-accuracy");
    float[][] mask = new float[40][10];
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 10; j++) {
        mask[i][j] = Math.abs(Math.tanh(w[i][j])) >= tau ? 1f : 0f;
      }
    }
    float[][] expected = maskedLogits(mlpRun, mlp, Map.of("output/kernel", mask));
    Prediction exported = predict(dir.resolve("mlp-accuracy").resolve(report.savedModel()));
    assertSamePredictions(expected, exported, 1e-5f);
    assertEquals(accuracy(exported), report.after().testAccuracy());
    assertEquals(report.prunedAccuracy(), report.after().testAccuracy());
  }

  /**
   * The connections magnitude pruning at sparsity {@code s} chooses: all but the round(s·N·M)
   * smallest |w| (trained weights have no ties at the boundary).
   */
  private static boolean[][] largest(float[][] w, double s) {
    float[] magnitudes = new float[w.length * w[0].length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        magnitudes[i * w[0].length + j] = Math.abs(w[i][j]);
      }
    }
    Arrays.sort(magnitudes);
    float smallestKept = magnitudes[(int) Math.round(s * magnitudes.length)];
    boolean[][] chosen = new boolean[w.length][w[0].length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        chosen[i][j] = Math.abs(w[i][j]) >= smallestKept;
      }
    }
    return chosen;
  }

  /**
   * The kept neurons of each layer by the definition (a neuron goes when none of its chosen
   * connections leads to a kept neuron), iterated to a fixed point.
   */
  private static Map<String, boolean[]> keptByFixedPoint(
      Map<String, boolean[][]> chosen, Map<String, String> next) {
    Map<String, boolean[]> kept = new LinkedHashMap<>();
    chosen.forEach(
        (layer, c) -> {
          boolean[] all = new boolean[c.length];
          Arrays.fill(all, true);
          kept.put(layer, all);
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, boolean[][]> layer : chosen.entrySet()) {
        boolean[][] c = layer.getValue();
        boolean[] columns =
            next.containsKey(layer.getKey()) ? kept.get(next.get(layer.getKey())) : null;
        boolean[] rows = kept.get(layer.getKey());
        for (int i = 0; i < c.length; i++) {
          boolean any = false;
          for (int j = 0; j < c[i].length; j++) {
            any |= (columns == null || columns[j]) && c[i][j];
          }
          if (rows[i] && !any) {
            rows[i] = false;
            changed = true;
          }
        }
      }
    }
    return kept;
  }

  private static int count(boolean[] kept) {
    int n = 0;
    for (boolean k : kept) {
      n += k ? 1 : 0;
    }
    return n;
  }

  @Test
  void lenetsChainedLayersShrinkTogetherAndPredictAsTheMaskedGraph() throws Exception {
    double sparsity = 0.97;
    Map<String, boolean[][]> chosen = new LinkedHashMap<>();
    for (String layer : List.of("flatten", "fc1", "fc2")) {
      chosen.put(layer, largest(w(lenetRun, layer), sparsity));
    }
    Map<String, String> next = Map.of("flatten", "fc1", "fc1", "fc2");
    Map<String, boolean[]> kept = keptByFixedPoint(chosen, next);
    int nFlatten = count(kept.get("flatten"));
    int nFc1 = count(kept.get("fc1"));
    int nFc2 = count(kept.get("fc2"));
    // fc2 (84 × 10) keeps 25 connections, so most of its neurons go, and fc1's neurons whose few
    // kept connections all lead to them go too (the cascade)
    int fc1WithAChosenConnection = 0;
    for (boolean[] row : chosen.get("fc1")) {
      boolean any = false;
      for (boolean c : row) {
        any |= c;
      }
      fc1WithAChosenConnection += any ? 1 : 0;
    }
    assertTrue(nFc2 < 84, "fc2 keeps " + nFc2);
    assertTrue(nFc1 < fc1WithAChosenConnection, "no fc1 neuron went by the cascade");
    PruningReport report =
        prune(
            lenetRun, new PruneSettings(PruneSettings.Criterion.SPARSITY, sparsity, 0, 2), "lenet");
    Path version = dir.resolve("lenet").resolve(report.savedModel());
    assertEquals(
        sorted(
            Shape.of(5, 5, 1, 6),
            Shape.of(6),
            Shape.of(5, 5, 6, 16),
            Shape.of(16),
            Shape.of(nFlatten, nFc1),
            Shape.of(nFc1),
            Shape.of(nFc1, nFc2),
            Shape.of(nFc2),
            Shape.of(nFc2, 10),
            Shape.of(10)),
        variableShapes(version));
    assertEquals(
        List.of(nFlatten, nFc1, nFc2),
        report.layers().stream().map(PruningReport.LayerCount::neuronsAfter).toList());
    long convolutions = 28L * 28 * 5 * 5 * 1 * 6 + 10L * 10 * 5 * 5 * 6 * 16;
    assertEquals(
        convolutions + 400 * 120 + 120 * 84 + 84 * 10, report.before().cost().multiplyAdds());
    assertEquals(
        convolutions + (long) nFlatten * nFc1 + (long) nFc1 * nFc2 + nFc2 * 10L,
        report.after().cost().multiplyAdds());

    Map<String, float[][]> masks = new LinkedHashMap<>();
    Map<String, String> kernels =
        Map.of("flatten", "fc1/kernel", "fc1", "fc2/kernel", "fc2", "fc3/kernel");
    for (Map.Entry<String, boolean[][]> layer : chosen.entrySet()) {
      boolean[][] c = layer.getValue();
      boolean[] rows = kept.get(layer.getKey());
      boolean[] columns =
          next.containsKey(layer.getKey()) ? kept.get(next.get(layer.getKey())) : null;
      float[][] mask = new float[c.length][c[0].length];
      for (int i = 0; i < c.length; i++) {
        for (int j = 0; j < c[i].length; j++) {
          mask[i][j] = rows[i] && (columns == null || columns[j]) && c[i][j] ? 1f : 0f;
        }
      }
      masks.put(kernels.get(layer.getKey()), mask);
    }
    float[][] expected = maskedLogits(lenetRun, lenet, masks);
    Prediction exported = predict(version);
    assertSamePredictions(expected, exported, 1e-4f);
    assertEquals(report.prunedAccuracy(), report.after().testAccuracy());
    assertEquals(accuracy(exported), report.after().testAccuracy());
  }

  @Test
  void aThresholdThatRemovesNothingPredictsExactlyAsTheOriginalExport() throws Exception {
    // a τ below every |tanh(w)| for the MLP, sparsity 0 for LeNet-5
    Map<Path, PruneSettings> nothing =
        Map.of(
            mlpRun,
            threshold(1e-30, 0),
            lenetRun,
            new PruneSettings(PruneSettings.Criterion.SPARSITY, 0, 0, 2));
    for (Map.Entry<Path, PruneSettings> c : nothing.entrySet()) {
      Path run = c.getKey();
      TrainConfig config = run == mlpRun ? mlp : lenet;
      String name = run.getFileName().toString();
      Path original =
          ModelExport.export(
              config,
              new RunDirectory(run).keptCheckpoint().resolve("variables").toString(),
              dir.resolve("original-" + name),
              name,
              0);
      Prediction expected = predict(original);
      PruningReport report = prune(run, c.getValue(), "nothing-" + name);
      Path pruned = dir.resolve("nothing-" + name).resolve(report.savedModel());
      Prediction actual = predict(pruned);
      assertArrayEquals(expected.logits(), actual.logits(), name);
      assertArrayEquals(expected.classIds(), actual.classIds(), name);
      assertEquals(variableShapes(original), variableShapes(pruned));
      assertEquals(report.before().cost(), report.after().cost());
      assertEquals(report.before().testAccuracy(), report.after().testAccuracy());
    }
  }

  @Test
  void fineTuningKeepsTheRemovedConnectionsExactlyZero() throws Exception {
    float[][] w = w(mlpRun, "hidden");
    double tau = removing(10, w);
    float[][] mask = new float[40][10];
    int masked = 0;
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 10; j++) {
        mask[i][j] = Math.abs(Math.tanh(w[i][j])) >= tau ? 1f : 0f;
        masked += mask[i][j] == 0 ? 1 : 0;
      }
    }
    assertTrue(masked > 10, "masked " + masked);
    float[] tuned;
    try (TrainingSession session = TrainingSession.open(mlp, Map.of("output/kernel", mask))) {
      session.restore(new RunDirectory(mlpRun).keptCheckpoint().resolve("variables").toString());
      session.applyMasks();
      FineTuning.run(session, mlp, data, 2, 2, line -> {});
      tuned = value(session.values(), "output/kernel");
    }
    int changed = 0;
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 10; j++) {
        if (mask[i][j] == 0) {
          assertEquals(0f, tuned[i * 10 + j], 0f, "w[" + i + "][" + j + "]");
        } else {
          changed += tuned[i * 10 + j] != w[i][j] ? 1 : 0;
        }
      }
    }
    assertTrue(changed > 0, "fine-tuning changed no kept connection");

    PruningReport report = prune(mlpRun, threshold(tau, 1), "fine-tuned");
    assertNotNull(report.fineTunedAccuracy());
    assertEquals(report.fineTunedAccuracy(), report.after().testAccuracy());
    assertEquals(1, report.toJson().get("fine_tune_epochs").asInt());
    try (BeanModel model = BeanModel.load(dir.resolve("fine-tuned").resolve(report.savedModel()))) {
      float[][] exported = model.weights("hidden");
      int row = 0;
      for (int i = 0; i < 40; i++) {
        float keptConnections = 0;
        for (float m : mask[i]) {
          keptConnections += m;
        }
        if (keptConnections == 0) {
          continue;
        }
        for (int j = 0; j < 10; j++) {
          if (mask[i][j] == 0) {
            assertEquals(0f, exported[row][j], 0f);
          }
        }
        row++;
      }
      assertEquals(row, exported.length);
    }
  }

  private static float[] value(List<VariableValue> values, String name) {
    return values.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().values();
  }

  @Test
  void aThresholdThatRemovesEveryNeuronOfALayerIsRefused() throws Exception {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class, () -> prune(mlpRun, threshold(0.999, 0), "everything"));
    assertEquals("threshold", e.parameter());
    assertTrue(e.getMessage().contains("every neuron of layer hidden"), e.getMessage());
  }
}
