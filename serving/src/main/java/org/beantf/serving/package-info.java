/**
 * {@code bean serve}: TensorFlow Serving's REST API (status, metadata, predict in the row and
 * columnar formats, Prometheus metrics) over BEAN SavedModels, on an embedded Jetty ({@link
 * org.beantf.serving.ModelServer}); versions polled from each model's base folder, loaded only when
 * complete and swapped atomically; TF Serving's model config file ({@link
 * org.beantf.serving.ModelConfigFile}).
 */
package org.beantf.serving;
