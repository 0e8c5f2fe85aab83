/**
 * Experiments: the few-shot grid of the paper's Table 1 (protocols, methods, draws, the store, the
 * table and its statistics, the grid's shards and their merge) and the {@code bean demo} comparison
 * ({@link org.beantf.models.experiments.AssemblyDemo}). The public classes are API; the pixel
 * classifiers' helpers and the paper's numbers are internal.
 */
package org.beantf.models.experiments;
