package org.beantf.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.models.ModelKind;
import org.beantf.models.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer on small synthetic data: determinism, exact resume, divergence, the run directory's
 * files.
 */
class TrainerTest {
  private static final Dataset DATA = SyntheticData.mnistShaped(400, 200, 7);

  @TempDir Path dir;

  private static TrainConfig config(int epochs, String regs) {
    return TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
        .regularizers(regs)
        .epochs(epochs)
        .batch(32)
        .threads(2)
        .seed(11)
        .build();
  }

  private static Trainer trainer(TrainConfig config, TrainingListener listener) {
    return new Trainer(config, listener);
  }

  private static byte[] bytes(Path file) throws Exception {
    return Files.readAllBytes(file);
  }

  @Test
  void theSameSeedTwiceGivesBitIdenticalWeights() throws Exception {
    TrainConfig config = config(2, "bean2,dropout");
    trainer(config, TrainingListener.SILENT).train(DATA, RunDirectory.forNewRun(dir.resolve("a")));
    trainer(config, TrainingListener.SILENT).train(DATA, RunDirectory.forNewRun(dir.resolve("b")));
    for (String file : List.of("weights.npy", "correlation1.npy", "correlation2.npy")) {
      assertArrayEquals(
          bytes(dir.resolve("a/layers/hidden/" + file)),
          bytes(dir.resolve("b/layers/hidden/" + file)),
          file);
    }
  }

  @Test
  void aDifferentSeedGivesDifferentWeights() throws Exception {
    TrainConfig config = config(1, "none");
    TrainConfig other =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .epochs(1)
            .batch(32)
            .threads(2)
            .seed(12)
            .build();
    trainer(config, TrainingListener.SILENT).train(DATA, RunDirectory.forNewRun(dir.resolve("a")));
    trainer(other, TrainingListener.SILENT).train(DATA, RunDirectory.forNewRun(dir.resolve("b")));
    assertFalse(
        java.util.Arrays.equals(
            bytes(dir.resolve("a/layers/hidden/weights.npy")),
            bytes(dir.resolve("b/layers/hidden/weights.npy"))));
  }

  /** Thrown by a listener to stop a run the way a kill would: after an epoch's checkpoint. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static TrainingListener killAfter(int epoch) {
    return new TrainingListener() {
      @Override
      public void epochFinished(EpochMetrics metrics) {
        if (metrics.epoch() == epoch) {
          throw new Killed();
        }
      }
    };
  }

  @Test
  void theRunRecordsWhereItRanAndAResumeElsewhereSaysSo() throws Exception {
    TrainConfig config = config(2, "bean1");
    Path killed = dir.resolve("moved");
    assertThrows(
        Killed.class,
        () -> trainer(config, killAfter(1)).train(DATA, RunDirectory.forNewRun(killed)));
    Provenance here = Provenance.current();
    assertEquals(here, new RunDirectory(killed).provenance(), "config.json records it");
    // the same run, as if started on another CPU: still the same configuration
    ObjectNode moved = (ObjectNode) RunDirectory.read(killed.resolve("config.json"));
    moved.set(
        "provenance",
        new Provenance("Other CPU", List.of("avx512_vnni"), true, here.tensorflow()).toJson());
    Files.writeString(killed.resolve("config.json"), moved.toPrettyString());
    List<String> notes = new java.util.ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void note(String line) {
            notes.add(line);
          }
        };
    trainer(config, listener).resume(DATA, RunDirectory.forResume(killed, ConfigJson.of(config)));
    assertTrue(
        notes.stream()
            .anyMatch(
                n -> n.startsWith("resuming on another kernel path (was Other CPU | avx512_vnni")),
        notes.toString());
    JsonNode report = RunDirectory.read(killed.resolve("report.json"));
    assertEquals(here, Provenance.fromJson(report.get("provenance")));
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointResumesFromTheStart() throws Exception {
    TrainConfig config = config(2, "bean1");
    trainer(config, TrainingListener.SILENT)
        .train(DATA, RunDirectory.forNewRun(dir.resolve("uninterrupted")));
    // what kill -9 during the first epoch leaves: config.json, maybe a partial checkpoint.new
    Path killed = dir.resolve("killed-early");
    new RunDirectory(killed).writeConfig(ConfigJson.of(config));
    Files.createDirectories(killed.resolve("checkpoint.new"));
    trainer(config, TrainingListener.SILENT)
        .resume(DATA, RunDirectory.forResume(killed, ConfigJson.of(config)));
    assertArrayEquals(
        bytes(dir.resolve("uninterrupted/layers/hidden/weights.npy")),
        bytes(killed.resolve("layers/hidden/weights.npy")));
    assertEquals(2, Files.readAllLines(killed.resolve("metrics.jsonl")).size());
  }

  @Test
  void aRunKilledAfterEpochOneAndResumedEndsBitIdentical() throws Exception {
    TrainConfig config = config(3, "bean1,dropout");
    trainer(config, TrainingListener.SILENT)
        .train(DATA, RunDirectory.forNewRun(dir.resolve("whole")));
    Path killed = dir.resolve("killed");
    assertThrows(
        Killed.class,
        () -> trainer(config, killAfter(1)).train(DATA, RunDirectory.forNewRun(killed)));
    assertEquals(1, Files.readAllLines(killed.resolve("metrics.jsonl")).size());

    trainer(config, TrainingListener.SILENT)
        .resume(DATA, RunDirectory.forResume(killed, ConfigJson.of(config)));
    assertArrayEquals(
        bytes(dir.resolve("whole/layers/hidden/weights.npy")),
        bytes(killed.resolve("layers/hidden/weights.npy")));
    List<String> whole = Files.readAllLines(dir.resolve("whole/metrics.jsonl"));
    List<String> resumed = Files.readAllLines(killed.resolve("metrics.jsonl"));
    assertEquals(3, resumed.size());
    for (int i = 0; i < 3; i++) { // equal up to the wall-clock seconds
      assertEquals(
          whole.get(i).replaceAll("\"seconds\":[^}]*", ""),
          resumed.get(i).replaceAll("\"seconds\":[^}]*", ""));
    }
  }

  @Test
  void aNonFiniteLossStopsWithTheStepAndKeepsTheLastGoodCheckpoint() throws Exception {
    TrainConfig config = config(2, "none");
    Path run = dir.resolve("run");
    assertThrows(
        Killed.class, () -> trainer(config, killAfter(1)).train(DATA, RunDirectory.forNewRun(run)));
    byte[] checkpoint = bytes(run.resolve("checkpoint/variables.data-00000-of-00001"));

    float[] pixels = new float[400 * 784];
    java.util.Arrays.fill(pixels, Float.NaN);
    Dataset nan =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST),
            new ImageSet(pixels, DATA.train().labels(), 28, 28, 1),
            DATA.test());
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () ->
                trainer(config, TrainingListener.SILENT)
                    .resume(nan, RunDirectory.forResume(run, ConfigJson.of(config))));
    int stepsPerEpoch = (400 + 31) / 32;
    assertTrue(
        e.getMessage().startsWith("step " + (stepsPerEpoch + 1) + " (epoch 2, batch 1)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("last good checkpoint is epoch 1"), e.getMessage());
    assertArrayEquals(checkpoint, bytes(run.resolve("checkpoint/variables.data-00000-of-00001")));
    assertEquals(1, RunDirectory.read(run.resolve("checkpoint/state.json")).get("epoch").asInt());
  }

  @Test
  void theRunDirectoryHoldsDesignMdsFiles() throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean2")
            .epochs(2)
            .batch(32)
            .threads(2)
            .validation(50)
            .build();
    TrainingOutcome outcome =
        trainer(config, TrainingListener.SILENT)
            .train(DATA, RunDirectory.forNewRun(dir.resolve("run")));
    JsonNode report = RunDirectory.read(dir.resolve("run/report.json"));
    for (String field :
        List.of(
            "model",
            "dataset",
            "config",
            "seed",
            "test_accuracy",
            "per_class_accuracy",
            "final_train_loss",
            "epochs",
            "wall_seconds",
            "tensorflow_version",
            "device",
            "cpu",
            "git_commit")) {
      assertTrue(report.has(field), field);
    }
    assertEquals(10, report.get("per_class_accuracy").size());
    assertEquals(outcome.testAccuracy(), report.get("test_accuracy").asDouble());
    assertTrue(outcome.testAccuracy() > 0.5, "learnable data: " + outcome.testAccuracy());
    List<String> metrics = Files.readAllLines(dir.resolve("run/metrics.jsonl"));
    assertEquals(2, metrics.size());
    JsonNode first = RunDirectory.JSON.readTree(metrics.get(0));
    for (String field :
        List.of(
            "epoch",
            "train_loss",
            "train_ce",
            "train_reg",
            "train_accuracy",
            "val_accuracy",
            "test_accuracy",
            "seconds")) {
      assertTrue(first.has(field), field);
    }
    assertTrue(first.get("val_accuracy").isNumber());
    assertTrue(first.get("train_reg").asDouble() > 0);
    assertEquals(
        first.get("train_ce").asDouble() + first.get("train_reg").asDouble(),
        first.get("train_loss").asDouble(),
        1e-9);
    assertTrue(Files.exists(dir.resolve("run/checkpoint-best/state.json")));
    assertEquals(List.of(500, 10), shape(dir.resolve("run/layers/hidden/weights.npy")));
    assertEquals(List.of(500, 500), shape(dir.resolve("run/layers/hidden/correlation2.npy")));
  }

  private static List<Integer> shape(Path npy) {
    org.beantf.data.npy.NpyMatrix m = org.beantf.data.npy.Npy.read(npy);
    return List.of(m.rows(), m.cols());
  }
}
