package org.beantf.models.analysis;

import org.beantf.bean.analysis.BestK;
import org.beantf.bean.analysis.Clustering;
import org.beantf.bean.analysis.MapSilhouette;
import org.beantf.bean.analysis.Selectivity;
import org.beantf.bean.analysis.ShuffledNull;

/**
 * What the analysis found in one BEAN layer: what analysis.json records and the plots show.
 *
 * @param weights W [N, M], one row per neuron: the space the assemblies are found in
 * @param correlation A¹ or A² [N, N] (order {@code correlationOrder}), for the heat map
 * @param clustering k-means with the chosen k on the rows of W
 * @param silhouette its mean silhouette
 * @param bestK the k in 2..20 with the best mean silhouette
 * @param shuffled the silhouettes of the same k-means on W with its entries shuffled
 * @param ari adjusted Rand index of the clusters against the preferred classes
 * @param nmi normalised mutual information of the clusters against the preferred classes
 * @param classMeans [classes][N] mean test-set activation of each neuron on each class
 * @param selectivity each neuron's preferred class and selectivity index, from {@code classMeans}
 * @param ablation the population ablation of the {@code groups} assignment, or null when the source
 *     cannot silence neurons (a SavedModel)
 * @param sparsity the fraction of |tanh(γw)| below 0.01
 * @param tsne [N, 2] t-SNE embedding of the rows of W
 * @param tsneSilhouette the mean silhouette of k-means with the same k on the 2-D t-SNE map instead
 *     of W: what a silhouette read off the paper's t-SNE figures measures (t-SNE separates clusters
 *     more than W does)
 * @param outgoingProfiles [k, M] each assembly's mean outgoing weight row
 * @param mapSilhouette the paper-style silhouette (t-SNE map, k-means with one replicate, squared
 *     Euclidean), with its floor and shuffled references; null when skipped
 * @param strongestOutgoing per neuron, the next-layer neuron (in the layer that feeds the output:
 *     the class) of its largest |w|
 * @param strongestOutgoingSign per neuron, the sign (+1 or −1; 0 for an all-zero row) of that
 *     weight
 * @param negativeFraction the fraction of present connections (|tanh(γw)| ≥ 0.01) that are
 *     negative, NaN if none is present
 * @param ariStrongestOutgoing ARI of the clusters against {@code strongestOutgoing}, NaN when the
 *     layer does not feed the output (its targets are not classes)
 * @param groups the class assignment the ablation and the report use: the one whose ARI against the
 *     clusters is higher
 */
public record LayerAnalysis(
    String layer,
    double[][] weights,
    double[][] correlation,
    int correlationOrder,
    Clustering clustering,
    double silhouette,
    BestK.Result bestK,
    ShuffledNull shuffled,
    double ari,
    double nmi,
    double[][] classMeans,
    Selectivity selectivity,
    PopulationAblation ablation,
    double sparsity,
    double[][] tsne,
    double tsneSilhouette,
    double[][] outgoingProfiles,
    MapSilhouette mapSilhouette,
    int[] strongestOutgoing,
    int[] strongestOutgoingSign,
    double negativeFraction,
    double ariStrongestOutgoing,
    NeuronGroups groups) {

  /** Each neuron's class under {@link #groups}. */
  public int[] groupOf() {
    return groups == NeuronGroups.PREFERRED_CLASS
        ? selectivity.preferredClass()
        : strongestOutgoing;
  }

  /** N, the neurons of the layer. */
  public int n() {
    return weights.length;
  }

  /** M, the neurons of the next layer. */
  public int m() {
    return weights[0].length;
  }

  /** The number of assemblies asked for. */
  public int k() {
    return clustering.k();
  }

  /**
   * How many null standard deviations the real silhouette lies above the shuffled ones (NaN if they
   * agree).
   */
  public double shuffledZ() {
    return shuffled.z(silhouette);
  }
}
