/**
 * The assembly analysis of the paper's Section 3.1 on plain arrays, without TensorFlow: k-means,
 * silhouette, best k, the shuffled-weights null, agreement with classes (ARI, NMI), exact t-SNE,
 * class selectivity, ablation scores and connectivity. The public classes are API; package-private
 * ones (distances, input checks, perplexity calibration) are internal.
 */
package org.beantf.bean.analysis;
