/**
 * BEAN regularization as TensorFlow graph ops (paper Eq. 1-7). Public API: {@link
 * org.beantf.bean.BeanEquations} (one method per equation), {@link org.beantf.bean.BeanRegularizer}
 * (α·Σ L over the BEAN layers, choosing the cheapest exact {@link org.beantf.bean.LossForm}),
 * {@link org.beantf.bean.BeanLayer}, {@link org.beantf.bean.Correlations} and the settings {@link
 * org.beantf.bean.Divergence} and {@link org.beantf.bean.Normalization}; {@link
 * org.beantf.bean.BeanInspection} runs them on plain arrays. Package-private classes are internal.
 */
package org.beantf.bean;
