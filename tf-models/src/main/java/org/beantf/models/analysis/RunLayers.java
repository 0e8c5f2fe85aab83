package org.beantf.models.analysis;

import org.beantf.data.ImageSet;
import org.beantf.data.npy.Npy;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;

/**
 * The BEAN layers of a run directory: W, A¹ and A² from {@code layers/<layer>/*.npy}, activations
 * and silenced predictions from the {@link AnalysisGraph} of its kept checkpoint.
 */
public final class RunLayers implements LayerSource {
  private final RunDirectory run;
  private final AnalysisGraph graph;

  private RunLayers(RunDirectory run, AnalysisGraph graph) {
    this.run = run;
    this.graph = graph;
  }

  /**
   * Builds the run's analysis graph and restores its kept checkpoint (best-validation if it has
   * one).
   */
  public static RunLayers open(RunDirectory run, TrainConfig config) {
    return new RunLayers(
        run, AnalysisGraph.restore(config, run.keptCheckpoint().resolve("variables").toString()));
  }

  @Override
  public float[][] weights(String layer) {
    return Npy.read(run.layer(layer).resolve("weights.npy")).toFloatRows();
  }

  @Override
  public float[][] correlation(String layer, int order) {
    return Npy.read(run.layer(layer).resolve("correlation" + order + ".npy")).toFloatRows();
  }

  @Override
  public float[][] activations(String layer, ImageSet images) {
    return graph.activations(layer, images);
  }

  @Override
  public boolean canSilence() {
    return true;
  }

  @Override
  public int[] predictSilenced(String layer, float[][] h, boolean[] silenced) {
    return graph.predictSilenced(layer, h, silenced);
  }

  @Override
  public void close() {
    graph.close();
  }
}
