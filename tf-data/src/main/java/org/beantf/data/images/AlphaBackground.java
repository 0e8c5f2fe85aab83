package org.beantf.data.images;

/**
 * What to do with non-opaque pixels (alpha below its maximum, from an alpha channel or a PNG tRNS
 * chunk).
 *
 * <p>The command line spells it {@code --alpha-background white|black}; {@link #REFUSE} is the
 * default.
 */
public enum AlphaBackground {
  /** Refuse an image with any transparent or translucent pixel (the default). */
  REFUSE,
  /** Composite over white: {@code c' = c·a + 1·(1 − a)}, a = alpha / alpha maximum. */
  WHITE,
  /** Composite over black: {@code c' = c·a}, a = alpha / alpha maximum. */
  BLACK
}
