package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.beantf.data.Cifar10Reader;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.VariableStore;
import org.beantf.models.train.BatchFeeder;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/**
 * ResNet18 (the CIFAR variant) trains 20 steps at batch 32 on a 500-image CIFAR-format set: the
 * loss falls, the batch-norm moving statistics change, and evaluation uses inference-mode batch
 * norm.
 */
class ResNet18StepsIT {
  private static final int IMAGES = 500;
  private static final int BATCH = 32;
  private static final int STEPS = 20;

  @TempDir Path dir;

  /**
   * A CIFAR-10 binary batch file: class c is a colour (one channel bright) with a class-placed
   * square, + noise.
   */
  private Path cifarFormatFile() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    byte[] bytes = new byte[IMAGES * 3073];
    for (int i = 0; i < IMAGES; i++) {
      int label = i % 10;
      int at = i * 3073;
      bytes[at] = (byte) label;
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 1024; p++) {
          int y = p / 32;
          int x = p % 32;
          boolean square = y / 8 == label / 4 && x / 8 == label % 4;
          int value = (c == label % 3 ? 120 : 20) + (square ? 100 : 0) + random.nextInt(30);
          bytes[at + 1 + c * 1024 + p] = (byte) value;
        }
      }
    }
    Path file = dir.resolve("data_batch_1.bin");
    Files.write(file, bytes);
    return file;
  }

  @Test
  void trainsTwentyStepsWithFallingLossAndMovingStatistics() throws Exception {
    ImageSet images = Cifar10Reader.read(List.of(cifarFormatFile()));
    TrainConfig config =
        TrainConfig.builder(ModelKind.RESNET18, DatasetId.CIFAR10)
            .regularizers("bean1")
            .batch(BATCH)
            .threads(2)
            .seed(5)
            .build();
    try (TrainingSession session = TrainingSession.open(config);
        BatchFeeder feeder = new BatchFeeder(images, BATCH)) {
      List<VariableStore.Entry> statistics =
          session.variables().entries().stream()
              .filter(e -> e.kind() == VariableStore.Kind.MOVING_STATISTIC)
              .toList();
      assertEquals(2 * 20, statistics.size(), "moving mean and variance of 20 batch norms");
      session.initialise();
      float[] before = session.read(statistics.get(0).variable());

      List<Double> losses = new ArrayList<>();
      for (int step = 0; step < STEPS; step++) {
        int[] batch = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
          batch[i] = (step * BATCH + i) % IMAGES;
        }
        losses.add(session.step(feeder.feed(batch)).crossEntropy());
      }
      double first = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
      double last =
          losses.subList(STEPS - 5, STEPS).stream().mapToDouble(d -> d).average().orElseThrow();
      assertTrue(last < first, "cross-entropy " + losses);
      assertFalse(
          Arrays.equals(before, session.read(statistics.get(0).variable())),
          "moving mean unchanged");

      // Inference batch norm uses the moving statistics: an image's prediction does not depend on
      // its batch.
      long alone = session.predict(feeder.feed(new int[] {7}))[0];
      int[] crowd = new int[BATCH];
      for (int i = 0; i < BATCH; i++) {
        crowd[i] = i == 0 ? 7 : (i * 13) % IMAGES;
      }
      assertEquals(alone, session.predict(feeder.feed(crowd))[0]);
      assertArrayEquals(new boolean[] {false}, inferenceIsTrainingFlags(session.graph()));
    }
  }

  /** The distinct is_training attributes of the batch norms of the inference pass. */
  private static boolean[] inferenceIsTrainingFlags(Graph graph) {
    List<Boolean> flags = new ArrayList<>();
    for (var iterator = graph.operations(); iterator.hasNext(); ) {
      GraphOperation op = iterator.next();
      if (op.type().startsWith("FusedBatchNorm") && op.name().startsWith("infer/")) {
        boolean training = op.attributes().getAttrBool("is_training");
        if (!flags.contains(training)) {
          flags.add(training);
        }
      }
    }
    boolean[] distinct = new boolean[flags.size()];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = flags.get(i);
    }
    return distinct;
  }
}
