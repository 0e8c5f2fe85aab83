package org.beantf.models.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beantf.cli.BeanCli;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.ModelKind;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.ConfigJson;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.TrainingSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regularizer added as CONTRIBUTING.md says (its class, {@link LogitPenalty}, and one
 * registration) is taken by the configuration, config.json, the training graph and the command line
 * without touching any other file.
 */
class AddARegularizerTest {
  @BeforeAll
  static void register() {
    Regularizers.register(LogitPenalty.TYPE);
  }

  @AfterAll
  static void unregister() {
    Regularizers.unregister(LogitPenalty.TYPE);
  }

  private static TrainConfig config(double lambda) {
    return TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
        .regularizers("bean2,logit-l2")
        .set("logit-l2", lambda)
        .batch(20)
        .threads(1)
        .build();
  }

  @Test
  void theConfigurationAndConfigJsonCarryIt() {
    TrainConfig config = config(0.25);
    assertEquals(
        List.of("bean2", "logit-l2"), config.active().stream().map(Regularizer::id).toList());
    ObjectNode json = ConfigJson.of(config);
    assertEquals(0.25, json.get("logit_l2").asDouble());
    assertEquals("[\"bean2\",\"logit-l2\"]", json.get("reg").toString());
    assertEquals(config, ConfigJson.parse(json, Path.of("config.json")));
  }

  @Test
  void itsPenaltyIsInTheTrainingLoss() {
    double lambda = 0.25;
    ImageSet images = SyntheticData.images(20, 3);
    int[] all = new int[20];
    Arrays.setAll(all, i -> i);
    TrainConfig vanillaPlus =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("logit-l2")
            .set("logit-l2", lambda)
            .batch(20)
            .threads(1)
            .build();
    try (TrainingSession session = TrainingSession.open(vanillaPlus);
        BatchFeeder feeder = new BatchFeeder(images, 20)) {
      session.initialise();
      float[][] logits =
          session.logits(feeder.feed(all)); // the MLP without dropout: the training pass's logits
      double sum = 0;
      for (float[] row : logits) {
        for (float v : row) {
          sum += (double) v * v;
        }
      }
      double expected = lambda * sum / (logits.length * logits[0].length);
      double penalty = session.step(feeder.feed(all)).regularization();
      assertEquals(expected, penalty, 1e-5 * expected);
    }
  }

  @Test
  void itsSettingIsCheckedOnceAndSpeltOnTheCommandLine() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> config(-1));
    assertEquals("logit-l2", e.parameter());
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run(
            "train",
            "--model",
            "mlp",
            "--dataset",
            "mnist",
            "--reg",
            "logit-l2",
            "--reg-option",
            "logit-l2=-1",
            "--out",
            "/nonexistent/never-written"));
  }

  @Test
  void theRegistryListsItAndRefusesATakenName() {
    assertTrue(Regularizers.ids().contains("logit-l2"));
    assertThrows(IllegalArgumentException.class, () -> Regularizers.register(LogitPenalty.TYPE));
  }

  @Test
  void aRunMadeBeforeItWasRegisteredStillResumes(@TempDir Path dir) throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean2")
            .threads(1)
            .build();
    Regularizers.unregister(LogitPenalty.TYPE);
    try {
      new RunDirectory(dir).writeConfig(ConfigJson.of(config)); // a config.json without logit_l2
    } finally {
      Regularizers.register(LogitPenalty.TYPE);
    }
    assertTrue(ConfigJson.of(config).has("logit_l2"), "the registered type writes its default");
    assertEquals(dir, RunDirectory.forResume(dir, ConfigJson.of(config)).root());
  }
}
