/**
 * The SavedModel contract and the inference API for JVM applications. Public API: {@link
 * org.beantf.savedmodels.BeanModel} (load a version folder or a TensorFlow Serving model base,
 * predict, read a BEAN layer's activations, weights and correlation matrices), {@link
 * org.beantf.savedmodels.Prediction}, {@link org.beantf.savedmodels.SavedModelContract} (signature,
 * tensor and asset names of DESIGN.md "SavedModel") and {@link
 * org.beantf.savedmodels.SavedModelExporter} (TF Serving's layout, written whole or not at all).
 * Depends on tensorflow-core-api only.
 */
package org.beantf.savedmodels;
