/**
 * SavedModels from runs: the inference graph and its signatures, the export of a run's kept
 * checkpoint, the BEAN settings asset, and the accuracy of a SavedModel on a labelled set. Public
 * API.
 */
package org.beantf.models.export;
