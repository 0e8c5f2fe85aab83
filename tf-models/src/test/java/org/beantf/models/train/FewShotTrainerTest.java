package org.beantf.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.sampling.FewShotSampler;
import org.beantf.models.ModelKind;
import org.junit.jupiter.api.Test;

class FewShotTrainerTest {
  private static final Dataset DATA = SyntheticData.mnistShaped(300, 200, 3);
  private static final FewShotSampler.FewShot DRAW =
      FewShotSampler.sample(DATA.train().labels(), 10, 1, 0, 300, 5, 17);

  private static FewShotTrainer.Outcome train(String reg, FewShotTrainer.Schedule schedule) {
    TrainConfig config =
        TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST)
            .regularizers(reg)
            .batch(10)
            .threads(1)
            .seed(5)
            .learningRate(2e-3)
            .build();
    return new FewShotTrainer(config).train(DATA, DRAW.shots(), DRAW.validation(), schedule);
  }

  @Test
  void keepsTheWeightsOfTheBestValidatedStep() {
    FewShotTrainer.Outcome full = train("bean2", FewShotTrainer.Schedule.fullBatch(5, 16));
    assertEquals(0, full.keptStep() % 5, "kept step " + full.keptStep());
    assertTrue(
        full.keptStep() < 80, "the synthetic classes are learnt before the last step: " + full);
    assertTrue(full.validationAccuracy() > 0.5, full.toString());
    // trained only up to the kept step, the run ends with the same weights: the restore brought
    // those back
    FewShotTrainer.Outcome cut =
        train("bean2", FewShotTrainer.Schedule.fullBatch(5, full.keptStep() / 5));
    assertEquals(full, cut);
  }

  @Test
  void runsAreBitIdentical() {
    FewShotTrainer.Schedule schedule = FewShotTrainer.Schedule.epochs(1, 3);
    FewShotTrainer.Outcome first = train("dropout", schedule);
    assertEquals(first, train("dropout", schedule));
    assertEquals(0, first.keptStep() % DRAW.shots().length, "kept after whole epochs: " + first);
  }

  @Test
  void aScheduleIsFullBatchOrEpochs() {
    assertThrows(IllegalArgumentException.class, () -> new FewShotTrainer.Schedule(0, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new FewShotTrainer.Schedule(2, 5, 3));
    assertThrows(IllegalArgumentException.class, () -> FewShotTrainer.Schedule.fullBatch(5, 0));
  }
}
