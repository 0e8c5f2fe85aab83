package org.beantf.models.prune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.npy.Npy;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;

/**
 * A run directory that {@code bean prune} can prune, checked without loading TensorFlow: its
 * config.json, its kept checkpoint, and its BEAN layers (the {@code layers/<layer>/weights.npy}
 * that {@code bean train} writes for every BEAN layer of the model when a run finishes, whatever
 * its regularizers, so a vanilla run can be pruned as well).
 */
public record PrunableRun(RunDirectory run, TrainConfig config) {

  /**
   * @throws InvalidSettingException (run) naming what is missing
   */
  public static PrunableRun open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(
          "run", dir, "no such folder (expected a run directory of bean train)");
    }
    RunDirectory run = new RunDirectory(dir);
    TrainConfig config = run.config();
    Path checkpoint = run.keptCheckpoint().resolve("variables.index");
    if (!Files.isRegularFile(checkpoint)) {
      throw new InvalidSettingException("run", dir, "no checkpoint (expected " + checkpoint + ")");
    }
    Path data = checkpoint.resolveSibling("variables.data-00000-of-00001");
    if (!Files.isRegularFile(data)) {
      throw new InvalidSettingException(
          "run", dir, "an incomplete checkpoint (expected " + data + " beside its index)");
    }
    for (String layer : config.architecture().beanLayerNames()) {
      Path weights = run.layer(layer).resolve("weights.npy");
      if (!Files.isRegularFile(weights)) {
        throw new InvalidSettingException(
            "run",
            dir,
            "no BEAN layer "
                + layer
                + " (expected "
                + weights
                + ", which bean train writes for every BEAN layer when a run finishes)");
      }
    }
    return new PrunableRun(run, config);
  }

  /**
   * Checks, from the layer files and before TensorFlow loads, that {@code settings} keep at least
   * one neuron of every BEAN layer (the kept checkpoint's W is what bean train wrote there).
   *
   * @throws InvalidSettingException (threshold or sparsity) as {@link PruningPlan#of}
   */
  public void requireKeepsNeurons(PruneSettings settings) {
    List<LayerWiring> wiring = LayerWiring.of(config);
    Map<String, float[][]> weights = new LinkedHashMap<>();
    for (LayerWiring layer : wiring) {
      weights.put(
          layer.layer(), Npy.read(run.layer(layer.layer()).resolve("weights.npy")).toFloatRows());
    }
    PruningPlan.of(wiring, weights, config.gamma(), settings);
  }
}
