/**
 * Layers as declarations built in a {@link org.beantf.models.nn.ModelScope} (training or inference
 * pass, shared variables, dropout keyed by seed and step): dense, convolution, batch norm, pooling,
 * dropout, the in-graph input normalisation, initialisers, the {@link
 * org.beantf.models.nn.VariableStore} (with connection masks, for fine-tuning a pruned model) and
 * the {@link org.beantf.models.nn.NeuronSelection} that shrinks a pruned model's layers. Public API
 * for new models.
 */
package org.beantf.models.nn;
