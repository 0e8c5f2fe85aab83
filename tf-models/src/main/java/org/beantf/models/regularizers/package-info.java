/**
 * Regularizers as objects: {@link org.beantf.models.regularizers.Regularizer} (what one adds to the
 * loss or asks of the model, how config.json records it), {@link
 * org.beantf.models.regularizers.RegularizerType} (its names, settings, defaults and their one
 * validation), the four of this project (BEAN, dropout, weight decay, ℓ1) and the registry {@link
 * org.beantf.models.regularizers.Regularizers}. Public API; {@code Strength} is internal.
 * CONTRIBUTING.md "Add a regularizer".
 */
package org.beantf.models.regularizers;
