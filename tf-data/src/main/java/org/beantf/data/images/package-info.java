/**
 * Image files as a model's input ({@link org.beantf.data.images.ImageFiles}): listing, decoding and
 * the size check. Public API.
 */
package org.beantf.data.images;
