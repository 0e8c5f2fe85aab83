package org.beantf.models.analysis;

import java.util.function.Consumer;
import org.beantf.bean.analysis.BestK;
import org.beantf.bean.analysis.ClassMeans;
import org.beantf.bean.analysis.ClusterAgreement;
import org.beantf.bean.analysis.Clustering;
import org.beantf.bean.analysis.Connectivity;
import org.beantf.bean.analysis.KMeans;
import org.beantf.bean.analysis.MapSilhouette;
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
    MapSilhouette mapSilhouette = null;
    if (settings.mapSeeds() > 0) {
      progress.accept(
          layer
              + ": paper-style silhouette (MATLAB-default t-SNE, "
              + settings.mapSeeds()
              + " seeds, with fresh and shuffled weights)");
      mapSilhouette = MapSilhouette.of(w, k, seed, settings.mapSeeds());
    }

    progress.accept(layer + ": activations of " + test.size() + " test images");
    float[][] h = source.activations(layer, test);
    ClassMeans means = new ClassMeans(classes, w.length);
    means.add(h, test.labels());
    double[][] classMeans = means.means();
    Selectivity selectivity = Selectivity.of(classMeans);
    int[] preferred = selectivity.preferredClass();
    double ari = ClusterAgreement.adjustedRandIndex(clustering.labels(), preferred);
    int[] strongest = Connectivity.strongestOutgoing(w);
    // only in the layer that feeds the output is the target of a weight a class
    double ariStrongest =
        w[0].length == classes
            ? ClusterAgreement.adjustedRandIndex(clustering.labels(), strongest)
            : Double.NaN;
    NeuronGroups groups =
        ariStrongest > ari ? NeuronGroups.STRONGEST_OUTGOING : NeuronGroups.PREFERRED_CLASS;
    PopulationAblation ablation = null;
    if (source.canSilence()) {
      progress.accept(
          layer + ": population ablation (" + classes + " groups by " + groups.label() + ")");
      ablation =
          PopulationAblation.measure(
              source,
              layer,
              h,
              test.labels(),
              groups == NeuronGroups.PREFERRED_CLASS ? preferred : strongest,
              classes);
    }
    return new LayerAnalysis(
        layer,
        w,
        toDouble(source.correlation(layer, settings.correlationOrder())),
        settings.correlationOrder(),
        clustering,
        silhouette,
        bestK,
        shuffled,
        ari,
        ClusterAgreement.normalizedMutualInformation(clustering.labels(), preferred),
        classMeans,
        selectivity,
        ablation,
        Connectivity.sparsity(w, settings.gamma()),
        tsne,
        tsneSilhouette,
        Connectivity.meanOutgoingProfiles(w, clustering.labels(), k),
        mapSilhouette,
        strongest,
        signs(w, strongest),
        Connectivity.negativeFraction(w, settings.gamma()),
        ariStrongest,
        groups);
  }

  /** The sign of w[i][target[i]] for each neuron. */
  private static int[] signs(double[][] w, int[] target) {
    int[] sign = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      sign[i] = (int) Math.signum(w[i][target[i]]);
    }
    return sign;
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
