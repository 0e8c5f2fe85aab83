package org.beantf.data.images;

import java.nio.file.Path;

/**
 * What an image file's header says, read without decoding any pixel.
 *
 * @param file the file read
 * @param format {@code "png"} or {@code "jpeg"}
 * @param width pixels per row
 * @param height rows
 * @param channels colour channels as stored: 1 for grey (PNG colour types 0 and 4, a one-component
 *     JPEG), 3 for colour (PNG colour types 2, 3 and 6; a three- or four-component JPEG, CMYK and
 *     YCCK being converted to RGB); alpha is not counted
 * @param alpha whether the file can hold non-opaque pixels: PNG colour types 4 and 6, or a tRNS
 *     chunk (never for JPEG)
 * @param bitDepth bits per sample as stored (PNG: 1, 2, 4, 8 or 16; palette indices for colour type
 *     3); 8 for JPEG
 */
public record ImageHeader(
    Path file, String format, int width, int height, int channels, boolean alpha, int bitDepth) {

  /** width × height, as a long (a PNG may declare up to 2³¹−1 × 2³¹−1 pixels). */
  public long pixels() {
    return (long) width * height;
  }
}
