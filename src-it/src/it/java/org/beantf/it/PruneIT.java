package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.beantf.cli.BeanCli;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.ModelKind;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;

/**
 * bean prune end to end on real MNIST: an MLP + BEAN-1 run trained briefly, pruned to 10% of its
 * outgoing connections through the command line (fine-tuning is PrunerTest's).
 */
class PruneIT {
  @TempDir Path dir;

  @Test
  void aPrunedMlpIsSmallerAndAsAccurateAsItsPrunedTrainingGraph() throws Exception {
    Dataset mnist = DatasetCache.fromEnvironment(System.err::println).load(DatasetId.MNIST);
    int[] first = new int[6000];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .regularizers("bean1")
            .epochs(1)
            .threads(2)
            .build();
    Path run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), mnist.train().subset(first), mnist.test()),
            RunDirectory.forNewRun(run));

    Path out = dir.resolve("pruned");
    assertEquals(
        0,
        BeanCli.run(
            "prune",
            "--run",
            run.toString(),
            "--sparsity",
            "0.9",
            "--repetitions",
            "5",
            "--out",
            out.toString()));
    JsonNode report = new ObjectMapper().readTree(out.resolve("pruning.json").toFile());
    JsonNode layer = report.get("layers").get(0);
    int kept = layer.get("neurons_after").asInt();
    assertTrue(kept < 500, "kept " + kept);
    assertEquals(500, layer.get("connections_after").asInt());
    assertEquals(
        784L * kept + kept + kept * 10 + 10, report.get("after").get("dense_parameters").asLong());
    JsonNode accuracy = report.get("test_accuracy");
    assertEquals(accuracy.get("pruned").asDouble(), accuracy.get("exported").asDouble());
    // far above chance (0.1), the run was 1 epoch on 6000 images (0.89 before, 0.75 after here)
    assertTrue(accuracy.get("exported").asDouble() > 0.5, accuracy.toString());
    assertTrue(accuracy.get("fine_tuned").isNull());
    Path model = out.resolve("savedmodel/mlp");
    assertEquals(Map.of("hidden", Shape.of(kept, 10)), BeanModel.layerShapesOf(model));
    try (BeanModel loaded = BeanModel.load(model)) {
      assertEquals(kept, loaded.correlation("hidden", 2).length);
    }
  }
}
