package org.beantf.models.analysis;

import java.nio.file.Path;
import org.beantf.data.ImageSet;
import org.beantf.savedmodels.BeanModel;

/**
 * The BEAN layers of a SavedModel, through its {@code bean} signature. The SavedModel has no graph
 * in which to silence neurons, so it cannot give the population ablation.
 */
public final class SavedModelLayers implements LayerSource {
  private static final int BATCH = 500;
  private final BeanModel model;

  private SavedModelLayers(BeanModel model) {
    this.model = model;
  }

  /**
   * Loads the SavedModel in {@code folder} (a version folder, or a model base: its highest
   * version).
   */
  public static SavedModelLayers load(Path folder) {
    return new SavedModelLayers(BeanModel.load(folder));
  }

  @Override
  public float[][] weights(String layer) {
    return model.weights(layer);
  }

  @Override
  public float[][] correlation(String layer, int order) {
    return model.correlation(layer, order);
  }

  @Override
  public float[][] activations(String layer, ImageSet images) {
    float[][] all = new float[images.size()][];
    int size = images.imageSize();
    for (int from = 0; from < images.size(); from += BATCH) {
      int count = Math.min(BATCH, images.size() - from);
      float[] pixels = new float[count * size];
      for (int i = 0; i < count; i++) {
        images.copyImage(from + i, pixels, i * size);
      }
      float[][] rows = model.activations(layer, pixels, count);
      System.arraycopy(rows, 0, all, from, count);
    }
    return all;
  }

  @Override
  public boolean canSilence() {
    return false;
  }

  @Override
  public int[] predictSilenced(String layer, float[][] h, boolean[] silenced) {
    throw new UnsupportedOperationException(
        "a SavedModel cannot silence neurons: analyse the run instead");
  }

  @Override
  public void close() {
    model.close();
  }
}
