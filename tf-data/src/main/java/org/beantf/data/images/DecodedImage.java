package org.beantf.data.images;

/**
 * Decoded pixels, ready as a model's input.
 *
 * @param height rows
 * @param width pixels per row
 * @param channels 1 (grey) or 3 (R, G, B)
 * @param pixels {@code height × width × channels} floats in [0,1], HWC: the value of channel c of
 *     the pixel at row y, column x is {@code pixels[(y * width + x) * channels + c]}
 * @param eightBit true iff every value is exactly {@code b / 255f} for an integer byte b: an 8-bit
 *     (or 1-, 2-, 4-bit grey, or palette) source, no alpha compositing of a non-opaque pixel and no
 *     luma formula applied to a pixel whose R, G and B differ
 */
public record DecodedImage(int height, int width, int channels, float[] pixels, boolean eightBit) {}
