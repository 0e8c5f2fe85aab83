package org.beantf.models.analysis;

import java.util.function.Consumer;
import org.beantf.bean.analysis.BestK;
import org.beantf.bean.analysis.ClassMeans;
import org.beantf.bean.analysis.ClusterAgreement;
import org.beantf.bean.analysis.Clustering;
import org.beantf.bean.analysis.Connectivity;
import org.beantf.bean.analysis.KMeans;
import org.beantf.bean.analysis.Selectivity;
import org.beantf.bean.analysis.ShuffledNull;
import org.beantf.bean.analysis.Silhouette;
import org.beantf.bean.analysis.TSne;
import org.beantf.data.ImageSet;

/**
 * The neuronal-assembly analysis of one BEAN layer (paper Section 3.1): assemblies by k-means on
 * the neurons' outgoing weights, judged by silhouette, by a shuffled null and against the neurons'
 * preferred classes; t-SNE of the same vectors; class selectivity from test-set activations;
 * population ablation; connectivity.
 */
public final class AssemblyAnalysis {
  private final LayerSource source;
  private final ImageSet test;
  private final int classes;
  private final AnalysisSettings settings;
  private final Consumer<String> progress;

  /**
   * @param test the images whose class-conditional mean activations define selectivity (the test
   *     set)
   * @param classes the number of classes of the dataset
   * @param progress told before each slow step
   */
  public AssemblyAnalysis(
      LayerSource source,
      ImageSet test,
      int classes,
      AnalysisSettings settings,
      Consumer<String> progress) {
    this.source = source;
    this.test = test;
    this.classes = classes;
    this.settings = settings;
    this.progress = progress;
  }

  /** Analyses {@code layer}. */
  public LayerAnalysis analyse(String layer) {
    double[][] w = toDouble(source.weights(layer));
    int k = settings.k();
    long seed = settings.seed();
    progress.accept(
        layer
            + ": k-means (k = "
            + k
            + ") and the best k over "
            + BestK.DEFAULT_K_MIN
            + ".."
            + BestK.DEFAULT_K_MAX
            + " on "
            + w.length
            + " neurons");
    Clustering clustering = KMeans.cluster(w, k, seed);
    double silhouette = Silhouette.mean(w, clustering.labels());
    BestK.Result bestK = BestK.search(w, seed);
    progress.accept(layer + ": shuffled null (" + ShuffledNull.DEFAULT_SHUFFLES + " shuffles)");
    ShuffledNull shuffled = ShuffledNull.of(w, k, seed);
    progress.accept(layer + ": t-SNE");
    double[][] tsne = TSne.builder().seed(seed).build().embed(w);
    double tsneSilhouette = Silhouette.mean(tsne, KMeans.cluster(tsne, k, seed).labels());

    progress.accept(layer + ": activations of " + test.size() + " test images");
    float[][] h = source.activations(layer, test);
    ClassMeans means = new ClassMeans(classes, w.length);
    means.add(h, test.labels());
    double[][] classMeans = means.means();
    Selectivity selectivity = Selectivity.of(classMeans);
    PopulationAblation ablation = null;
    if (source.canSilence()) {
      progress.accept(layer + ": population ablation (" + classes + " groups)");
      ablation =
          PopulationAblation.measure(
              source, layer, h, test.labels(), selectivity.preferredClass(), classes);
    }
    int[] preferred = selectivity.preferredClass();
    return new LayerAnalysis(
        layer,
        w,
        toDouble(source.correlation(layer, settings.correlationOrder())),
        settings.correlationOrder(),
        clustering,
        silhouette,
        bestK,
        shuffled,
        ClusterAgreement.adjustedRandIndex(clustering.labels(), preferred),
        ClusterAgreement.normalizedMutualInformation(clustering.labels(), preferred),
        classMeans,
        selectivity,
        ablation,
        Connectivity.sparsity(w, settings.gamma()),
        tsne,
        tsneSilhouette,
        Connectivity.meanOutgoingProfiles(w, clustering.labels(), k));
  }

  static double[][] toDouble(float[][] values) {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = new double[values[i].length];
      for (int j = 0; j < values[i].length; j++) {
        copy[i][j] = values[i][j];
      }
    }
    return copy;
  }
}
