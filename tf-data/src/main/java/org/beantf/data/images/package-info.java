/**
 * Image files as a model's input: exact decoding of PNG and JPEG ({@link
 * org.beantf.data.images.ImageDecoder}: raw samples scaled by bit depth, alpha refused or
 * composited, the size read from the header first) and listing, decoding and the size check of a
 * model's input files ({@link org.beantf.data.images.ImageFiles}). Public API.
 */
package org.beantf.data.images;
