/**
 * The models: {@link org.beantf.models.ModelKind} (what each model is before it is built: id, BEAN
 * layers, input, defaults) builds a {@link org.beantf.models.Model} for a dataset's shape and
 * classes, whose {@link org.beantf.models.Forward} pass the trainer, exporter and analysis build;
 * {@link org.beantf.models.InferencePass}, {@link org.beantf.models.LayerMatrices}, {@link
 * org.beantf.models.Sessions} and {@link org.beantf.models.BuildInfo} are shared by them. Public
 * API.
 */
package org.beantf.models;
