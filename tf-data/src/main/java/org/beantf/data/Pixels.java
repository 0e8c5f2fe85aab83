package org.beantf.data;

/** Byte pixels to floats in [0,1]: b/255f, one table for every reader. */
final class Pixels {
  private static final float[] UNIT = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      UNIT[b] = b / 255f;
    }
  }

  private Pixels() {}

  /** Writes {@code count} unsigned bytes from {@code offset}, each divided by 255, into target. */
  static void toUnitFloats(byte[] bytes, int offset, int count, float[] target, int at) {
    for (int i = 0; i < count; i++) {
      target[at + i] = UNIT[bytes[offset + i] & 0xff];
    }
  }

  /** One byte as a float in [0,1]. */
  static float toUnitFloat(byte b) {
    return UNIT[b & 0xff];
  }
}
