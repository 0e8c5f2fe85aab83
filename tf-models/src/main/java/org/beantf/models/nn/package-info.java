/**
 * Layers as declarations built in a {@link org.beantf.models.nn.ModelScope} (training or inference
 * pass, shared variables, dropout keyed by seed and step): dense, convolution, batch norm, pooling,
 * dropout, the in-graph input normalisation, initialisers and the {@link
 * org.beantf.models.nn.VariableStore}. Public API for new models.
 */
package org.beantf.models.nn;
