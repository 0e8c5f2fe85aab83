package org.beantf.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.data.images.AlphaBackground;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.WeightInit;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * config.json written by a run reads back as the same configuration (what bean export and --resume
 * rely on).
 */
class ConfigJsonTest {

  @Test
  void everySettingSurvivesTheRoundTrip() throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.LENET5, DatasetId.FASHION_MNIST)
            .regularizers("bean1,dropout,l2")
            .alpha(3.5)
            .dropout(0.25)
            .l2(2e-4)
            .l1(3e-6)
            .gamma(2)
            .divergence(Divergence.ABSOLUTE)
            .form(LossForm.BROADCAST)
            .normalization(Normalization.NONE)
            .beanLayers(List.of("fc1", "fc2"))
            .untilConverged(4, 40)
            .validation(5000)
            .batch(64)
            .learningRate(1e-3)
            .seed(99)
            .threads(3)
            .shots(10)
            .augmentFlip(true)
            .init(WeightInit.PYTORCH)
            .build();
    JsonNode written =
        RunDirectory.JSON.readTree(RunDirectory.JSON.writeValueAsString(ConfigJson.of(config)));
    assertEquals(config, ConfigJson.parse(written, Path.of("config.json")));
  }

  @Test
  void aFixedEpochCountSurvivesToo() throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(7).threads(2).build();
    JsonNode written =
        RunDirectory.JSON.readTree(RunDirectory.JSON.writeValueAsString(ConfigJson.of(config)));
    assertEquals(config, ConfigJson.parse(written, Path.of("config.json")));
  }

  @Test
  void aRunMadeBeforeInitExistedWasInitialisedTheGlorotWay() throws Exception {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).init(WeightInit.PYTORCH).build();
    ObjectNode written =
        (ObjectNode)
            RunDirectory.JSON.readTree(RunDirectory.JSON.writeValueAsString(ConfigJson.of(config)));
    assertEquals("pytorch", written.get("init").asText());
    written.remove("init");
    assertEquals(WeightInit.GLOROT, ConfigJson.parse(written, Path.of("config.json")).init());
  }

  @Test
  void anUnknownInitIsNamedWithWhatIsExpected() throws Exception {
    ObjectNode written =
        (ObjectNode)
            RunDirectory.JSON.readTree(
                RunDirectory.JSON.writeValueAsString(
                    ConfigJson.of(TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).build())));
    written.put("init", "bogus");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> ConfigJson.parse(written, Path.of("r/config.json")));
    assertEquals(
        "r/config.json: not a run configuration (init \"bogus\"; expected glorot or pytorch)",
        e.getMessage());
  }

  @Test
  void aFileThatIsNoRunConfigurationIsBadInput() throws Exception {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ConfigJson.parse(
                    RunDirectory.JSON.readTree("{\"model\": \"mlp\"}"), Path.of("x/config.json")));
    assertEquals(
        true, e.getMessage().startsWith("x/config.json: not a run configuration"), e.getMessage());
  }

  @Test
  void aUserDatasetsSourceClassesAndStandardisationSurviveExactly() {
    float[] mean = {0.1f, 1f / 3f, 12345.679f};
    float[] scale = {1f, 0.007f, Float.MIN_NORMAL};
    DatasetInfo info =
        new DatasetInfo(
            DatasetSpec.csv(Path.of("tables/iris data.csv"))
                .labelColumn("species")
                .testSplit(0.25)
                .build(),
            InputKind.FEATURES,
            Shape.of(3),
            List.of("setosa", "versicolor", "virginica, too"),
            List.of("a", "b", "c"),
            90,
            new Preprocessing.Standardize(mean, scale));
    TrainConfig config = TrainConfig.builder(ModelKind.MLP, info).hidden(64, 32).seed(3).build();
    TrainConfig back = ConfigJson.parse(ConfigJson.of(config), Path.of("config.json"));
    assertEquals(config, back);
    assertEquals(info, back.data());
    assertEquals(List.of(64, 32), back.hidden());
    assertEquals(List.of("hidden1", "hidden2"), back.architecture().beanLayerNames());
    Preprocessing.Standardize read = (Preprocessing.Standardize) back.data().preprocessing();
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Float.floatToIntBits(mean[i]), Float.floatToIntBits(read.mean()[i]), "bit-exact");
      assertEquals(Float.floatToIntBits(scale[i]), Float.floatToIntBits(read.scale()[i]));
    }
  }

  @Test
  void anImageFolderKeepsItsImageOptions() {
    DatasetInfo info =
        new DatasetInfo(
            DatasetSpec.images(Path.of("photos"))
                .imageSize(32, 48)
                .channels(3)
                .alphaBackground(AlphaBackground.WHITE)
                .maxPixels(1000)
                .build(),
            InputKind.IMAGES,
            Shape.of(32, 48, 3),
            List.of("cat", "dog"),
            List.of(),
            10,
            new Preprocessing.Identity());
    TrainConfig config = TrainConfig.builder(ModelKind.LENET5, info).build();
    assertEquals(config, ConfigJson.parse(ConfigJson.of(config), Path.of("config.json")));
  }
}
