package org.beantf.models.train;

import java.util.Map;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;

/**
 * A run's {@code layers/<layer>/}: W [N, M], A¹ and A² [N, N] of every BEAN layer as float32 .npy
 * files, from the kept weights, with the run's γ and normalisation (DESIGN.md "Run directory").
 */
final class LayerFiles {
  private static final String[] FILES = {"weights.npy", "correlation1.npy", "correlation2.npy"};

  private LayerFiles() {}

  static void write(TrainingSession session, RunDirectory run) {
    for (Map.Entry<String, float[][][]> layer : session.layerMatrices().entrySet()) {
      for (int i = 0; i < FILES.length; i++) {
        Npy.writeFloat32(
            run.layer(layer.getKey()).resolve(FILES[i]), NpyMatrix.of(layer.getValue()[i]));
      }
    }
  }
}
