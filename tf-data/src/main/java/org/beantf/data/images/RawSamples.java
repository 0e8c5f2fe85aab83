package org.beantf.data.images;

/**
 * An image's samples as integers, before scaling: colour HWC with 1 (grey) or 3 (R, G, B) channels,
 * and alpha per pixel when the image can be non-opaque.
 *
 * @param colour {@code height × width × channels} samples in [0, colourMax]
 * @param colourMax the largest colour sample, 2^bits − 1 (255 for palette and JPEG)
 * @param alpha {@code height × width} samples in [0, alphaMax], or null if every pixel is opaque
 * @param alphaMax the alpha of an opaque pixel
 * @param eightBit whether every colour sample scaled by colourMax is exactly b/255f for a byte b
 */
record RawSamples(
    int height,
    int width,
    int channels,
    int[] colour,
    int colourMax,
    int[] alpha,
    int alphaMax,
    boolean eightBit) {}
