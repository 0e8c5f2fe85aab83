package org.beantf.models.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.beantf.data.DatasetId;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.NeuronSelection;
import org.beantf.models.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The wiring read from each model's graph, against the architectures of DESIGN.md. */
class LayerWiringTest {
  @Test
  void everyModelsBeanLayersAreWiredAsDeclared() {
    assertEquals(
        List.of(
            new LayerWiring("hidden1", 30, 20, "hidden2/kernel", true, "hidden2"),
            new LayerWiring("hidden2", 20, 10, "output/kernel", true, null)),
        LayerWiring.of(TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).hidden(30, 20).build()));
    assertEquals(
        List.of(
            new LayerWiring("flatten", 400, 120, "fc1/kernel", false, "fc1"),
            new LayerWiring("fc1", 120, 84, "fc2/kernel", true, "fc2"),
            new LayerWiring("fc2", 84, 10, "fc3/kernel", true, null)),
        LayerWiring.of(TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST).build()));
    assertEquals(
        List.of(new LayerWiring("pool", 512, 10, "fc/kernel", false, null)),
        LayerWiring.of(TrainConfig.builder(ModelKind.RESNET18, DatasetId.CIFAR10).build()));
  }

  @Test
  void resNetsPooledFeaturesAreGatheredSoItsLinearLayerShrinks() {
    TrainConfig config = TrainConfig.builder(ModelKind.RESNET18, DatasetId.CIFAR10).build();
    long whole = ModelCost.of(config, NeuronSelection.ALL, List.of()).multiplyAdds();
    NeuronSelection hundred =
        new NeuronSelection(Map.of("pool", IntStream.range(0, 100).map(i -> 5 * i).toArray()));
    assertEquals(whole - (512 - 100) * 10, ModelCost.of(config, hundred, List.of()).multiplyAdds());
  }
}
