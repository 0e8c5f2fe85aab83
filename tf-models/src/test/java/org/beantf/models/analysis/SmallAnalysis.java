package org.beantf.models.analysis;

import org.beantf.bean.analysis.BestK;
import org.beantf.bean.analysis.Clustering;
import org.beantf.bean.analysis.MapSilhouette;
import org.beantf.bean.analysis.Selectivity;
import org.beantf.bean.analysis.ShuffledNull;

/** A hand-made {@link LayerAnalysis} of six neurons in two assemblies, for the writers' tests. */
final class SmallAnalysis {
  private SmallAnalysis() {}

  /**
   * @param ablation the population ablation, or null (a SavedModel)
   * @param shuffledSd the null's standard deviation: 0 makes z NaN
   */
  static LayerAnalysis of(PopulationAblation ablation, double shuffledSd) {
    double[][] w = {{1, 0}, {0.9, 0.1}, {1.1, 0}, {0, 1}, {0.1, 0.9}, {0, 1.2}};
    int[] labels = {0, 0, 0, 1, 1, 1};
    Clustering clustering = new Clustering(labels, new double[][] {{1, 0.03}, {0.03, 1.03}}, 0.05);
    double[][] a = new double[6][6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        a[i][j] = labels[i] == labels[j] ? 0.8 : 0.05;
      }
    }
    double[][] classMeans = {{2, 2, 2, 0, 0, 0}, {0, 0, 0, 3, 3, 3}};
    double[][] tsne = {{-5, 0}, {-5.5, 1}, {-4.5, -1}, {5, 0}, {5.5, 1}, {4.5, -1}};
    return new LayerAnalysis(
        "hidden",
        w,
        a,
        2,
        clustering,
        0.91,
        new BestK.Result(2, clustering, 0.91, new double[] {0.91, 0.5, 0.3, 0.2}),
        new ShuffledNull(new double[] {0.2, 0.3}, 0.25, shuffledSd),
        0.75,
        0.8,
        classMeans,
        new Selectivity(new int[] {0, 0, 0, 1, 1, 1}, new double[] {1, 1, 1, 1, 1, 1}),
        ablation,
        0.5,
        tsne,
        0.95,
        new double[][] {{1, 0.03}, {0.03, 1.03}},
        new MapSilhouette(
            new double[] {0.9, 0.94},
            new double[] {0.5, 0.55},
            new double[] {0.52, 0.51},
            new MapSilhouette.MapClusters(tsne, labels, 0.9)),
        new int[] {0, 0, 0, 1, 1, 1},
        new int[] {1, 1, 1, 1, 1, 1},
        0.0,
        1.0,
        NeuronGroups.PREFERRED_CLASS);
  }

  /** Silencing either assembly costs its own class everything and the other nothing. */
  static PopulationAblation diagonalAblation() {
    return new PopulationAblation(new double[][] {{-1, 0}, {0, -1}}, new boolean[] {true, true}, 1);
  }
}
