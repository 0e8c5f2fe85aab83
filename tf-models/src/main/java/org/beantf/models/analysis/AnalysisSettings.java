package org.beantf.models.analysis;

/**
 * The choices of one analysis.
 *
 * @param k the number of assemblies k-means looks for
 * @param seed seeds k-means, the shuffles of the null and t-SNE
 * @param gamma γ of f(W) = |tanh(γW)| for the sparsity (the run's)
 * @param correlationOrder the correlation matrix of the heat map: A¹ (1) or A² (2)
 * @param mapSeeds the seeds of the paper-style map silhouette ({@link
 *     org.beantf.bean.analysis.MapSilhouette}), 0 to skip it
 */
public record AnalysisSettings(
    int k, long seed, double gamma, int correlationOrder, int mapSeeds) {}
