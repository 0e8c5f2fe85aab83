package org.beantf.data.sampling;

import java.util.SplittableRandom;

/**
 * Derives independent sub-seeds from one experiment seed, so that every random choice in a run is
 * fixed by a single {@code long} and by what the choice is for.
 *
 * <p>{@link #derive} is fully specified here, so a seed written in a results file can be recomputed
 * anywhere:
 *
 * <pre>
 *   mix(z)      = SplitMix64 finaliser:
 *                   z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L
 *                   z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL
 *                   return z ^ (z >>> 31)
 *   absorb(h, v) = mix(h ^ mix(v + 0x9E3779B97F4A7C15L))
 *
 *   h = mix(seed + 0x9E3779B97F4A7C15L)
 *   h = absorb(h, purpose.length())
 *   for each UTF-16 code unit c of purpose:  h = absorb(h, c)
 *   for each part p:                         h = absorb(h, p)
 *   h = absorb(h, parts.length)
 *   return h
 * </pre>
 *
 * All arithmetic is two's-complement {@code long} arithmetic with wrap-around. Absorbing the
 * purpose's length and the number of parts keeps {@code ("ab")} apart from {@code ("a", 'b')}, and
 * {@code (p)} apart from {@code (p, 0)}. Because {@code mix} is a bijection, changing any single
 * input always changes the result.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * The sub-seed for {@code purpose} and {@code parts} under {@code seed}, computed as described in
   * the class comment.
   *
   * @param seed the parent seed, e.g. the experiment seed
   * @param purpose what the sub-seed is for, e.g. {@code "epoch"} or {@code "shots"}
   * @param parts further coordinates, e.g. an epoch number or a class
   */
  public static long derive(long seed, String purpose, long... parts) {
    long h = mix(seed + GOLDEN_GAMMA);
    h = absorb(h, purpose.length());
    for (int i = 0; i < purpose.length(); i++) {
      h = absorb(h, purpose.charAt(i));
    }
    for (long part : parts) {
      h = absorb(h, part);
    }
    return absorb(h, parts.length);
  }

  /** A generator seeded with {@code derive(seed, purpose, parts)}. */
  public static SplittableRandom random(long seed, String purpose, long... parts) {
    return new SplittableRandom(derive(seed, purpose, parts));
  }

  private static long absorb(long h, long value) {
    return mix(h ^ mix(value + GOLDEN_GAMMA));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
