package org.beantf.data;

/** Byte pixels to floats in [0,1]. */
final class Pixels {
  private static final float[] UNIT = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      UNIT[b] = b / 255f;
    }
  }

  private Pixels() {}

  /** {@code count} unsigned bytes from {@code offset}, each divided by 255. */
  static float[] toUnitFloats(byte[] bytes, int offset, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = UNIT[bytes[offset + i] & 0xff];
    }
    return out;
  }

  /** One byte as a float in [0,1]. */
  static float toUnitFloat(byte b) {
    return UNIT[b & 0xff];
  }
}
