package org.beantf.models.analysis;

import java.awt.Color;

/**
 * The colours of the analysis plots: one per category (cluster or class) and a ramp for magnitudes.
 */
final class Palette {
  /**
   * Thirty-two distinguishable colours, so that a plot of up to 32 classes (26 letters, EMNIST's 47
   * repeat from the 33rd) gives each its own: Tableau's "category 20" (dark then light of each
   * hue), then the dark rows of d3's "category 20b" and "20c".
   */
  private static final Color[] CATEGORIES = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0xaec7e8), new Color(0xffbb78),
    new Color(0x98df8a), new Color(0xff9896), new Color(0xc5b0d5), new Color(0xc49c94),
    new Color(0xf7b6d2), new Color(0xc7c7c7), new Color(0xdbdb8d), new Color(0x9edae5),
    new Color(0x393b79), new Color(0x637939), new Color(0x8c6d31), new Color(0x843c39),
    new Color(0x7b4173), new Color(0x3182bd), new Color(0xe6550d), new Color(0x31a354),
    new Color(0x756bb1), new Color(0x636363), new Color(0x5254a3), new Color(0xad494a)
  };

  /** Low to high: white, yellow, orange, red, dark red (magnitudes from 0). */
  static final Color[] MAGNITUDE = {
    Color.WHITE, new Color(0xfee08b), new Color(0xfdae61), new Color(0xd73027), new Color(0x67001f)
  };

  /** Negative to positive: blue, white, red (signed values centred on 0). */
  static final Color[] SIGNED = {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)};

  private Palette() {}

  /** The colour of category {@code index}; past thirty-two the colours repeat. */
  static Color category(int index) {
    return CATEGORIES[Math.floorMod(index, CATEGORIES.length)];
  }

  /**
   * The colour a fraction {@code t} in [0,1] of the way along {@code ramp}, interpolated linearly.
   */
  static Color along(Color[] ramp, double t) {
    double position = Math.max(0, Math.min(1, t)) * (ramp.length - 1);
    int low = Math.min((int) position, ramp.length - 2);
    double f = position - low;
    Color a = ramp[low];
    Color b = ramp[low + 1];
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }
}
