/**
 * Structured pruning of a run's BEAN layers ({@code bean prune}): the run checked before TensorFlow
 * loads ({@link org.beantf.models.prune.PrunableRun}), the settings ({@link
 * org.beantf.models.prune.PruneSettings}), how each BEAN layer is wired ({@link
 * org.beantf.models.prune.LayerWiring}), what is kept ({@link
 * org.beantf.models.prune.PruningPlan}), the shrunk variables ({@link
 * org.beantf.models.prune.PrunedWeights}), the costs and latencies measured ({@link
 * org.beantf.models.prune.ModelCost}, {@link org.beantf.models.prune.PredictLatency}) and the
 * report ({@link org.beantf.models.prune.PruningReport}); {@link org.beantf.models.prune.Pruner}
 * runs them. Public API.
 */
package org.beantf.models.prune;
