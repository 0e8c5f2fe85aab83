package org.beantf.models.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.beantf.bean.Divergence;
import org.beantf.bean.Normalization;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.models.ModelKind;
import org.beantf.models.analysis.AnalysisTarget;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SavedModel records the BEAN settings it was exported with, and bean analyze --model uses them.
 */
class BeanSettingsTest {
  @TempDir Path dir;

  @Test
  void analyzeOfASavedModelUsesItsGammaAndItsOrder() {
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean1")
            .gamma(2)
            .normalization(Normalization.NONE)
            .alpha(3)
            .epochs(1)
            .batch(30)
            .threads(2)
            .build();
    Dataset data =
        new Dataset(
            DatasetInfo.of(DatasetId.MNIST),
            SyntheticData.images(90, 1),
            SyntheticData.images(30, 2));
    RunDirectory run = RunDirectory.forNewRun(dir.resolve("run"));
    new Trainer(config, TrainingListener.SILENT).train(data, run);
    Path version = RunExport.export(run, config, dir.resolve("models"), "m", 0);

    assertTrue(Files.isRegularFile(version.resolve("assets/bean.json")));
    BeanSettings settings = BeanSettings.read(dir.resolve("models/m")).orElseThrow();
    assertEquals(new BeanSettings(2, Normalization.NONE, 1, 3, Divergence.SQUARED), settings);
    AnalysisTarget target =
        AnalysisTarget.savedModel(version, DatasetSpec.of(DatasetId.MNIST), null, 10);
    assertEquals(2, target.gamma());
    assertEquals(1, target.correlationOrder(), "A¹ for a BEAN-1 model");
    assertEquals("2.0, none", target.about().get("γ, normalisation"));
  }

  @Test
  void aVanillaModelRecordsNoAlphaAndShowsAsquared() {
    BeanSettings vanilla =
        BeanSettings.of(TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST).build());
    assertEquals(0, vanilla.order());
    assertTrue(Double.isNaN(vanilla.alpha()));
    assertEquals(2, vanilla.correlationOrder());
    assertTrue(vanilla.toJson().contains("\"alpha\" : null"), vanilla.toJson());
  }

  @Test
  void aModelWithoutTheAssetHasNoSettings() throws Exception {
    Path version = Files.createDirectories(dir.resolve("old/1"));
    Files.write(version.resolve("saved_model.pb"), new byte[0]);
    Path variables = Files.createDirectories(version.resolve("variables"));
    Files.write(variables.resolve("variables.index"), new byte[0]);
    Files.write(variables.resolve("variables.data-00000-of-00001"), new byte[0]);
    assertEquals(Optional.empty(), BeanSettings.read(dir.resolve("old")));
  }
}
