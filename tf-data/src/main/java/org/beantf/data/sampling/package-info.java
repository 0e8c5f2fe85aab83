/**
 * Deterministic sampling, every choice derived from a seed: batches per epoch, validation splits,
 * few-shot draws (k per class) and seed derivation. Public API.
 */
package org.beantf.data.sampling;
