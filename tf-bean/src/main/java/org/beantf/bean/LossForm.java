package org.beantf.bean;

import java.util.Locale;

/**
 * Which exact form of Eq. 1 a regularizer builds (see {@link BeanEquations}). {@link #AUTO} picks
 * the cheapest by the cost formulas below for the layer's N and M and the configured batch size S.
 */
public enum LossForm {
  AUTO,
  /** The literal S×N×N form; the only one for the absolute divergence. */
  BROADCAST,
  /** Squared divergence with the N×N matrix A: cost N²·M (building A) + S·N². */
  DENSE,
  /**
   * Squared divergence with a factor of A: cost S·N·M (order 1) or S·N·M(M+1)/2 + 2·N·M·M(M+1)/2
   * (order 2).
   */
  LOWRANK;

  /** The cheapest exact form for this divergence, order and shape (never {@link #AUTO}). */
  public static LossForm cheapest(Divergence divergence, int order, long n, long m, long s) {
    if (divergence == Divergence.ABSOLUTE) {
      return BROADCAST;
    }
    return cost(LOWRANK, order, n, m, s) <= cost(DENSE, order, n, m, s) ? LOWRANK : DENSE;
  }

  /**
   * The cost of a form's forward and backward pass, in multiply-add equivalents: DESIGN.md's
   * products (N²·M to build A, S·N² to apply it; S·N·M or S·N·M(M+1)/2 to apply the factor, and
   * 2·N·M·M(M+1)/2 for the two selection products that build K), plus {@link #ELEMENTWISE} per
   * element of each matrix the form builds elementwise (A's N×N, the factor K's N×M(M+1)/2,
   * broadcast's S×N×N). Measured here (docs/BENCHMARKS.md): without that term, auto chose the
   * low-rank form at M = 84 where it ran 5× slower.
   */
  public static double cost(LossForm form, int order, long n, long m, long s) {
    double pairs = order == 1 ? m : m * (m + 1) / 2.0;
    return switch (form) {
      case BROADCAST -> (double) n * n * m + ELEMENTWISE * ((double) n * n + (double) s * n * n);
      case DENSE -> (double) n * n * m + (double) s * n * n + ELEMENTWISE * n * n;
      case LOWRANK ->
          s * n * pairs + (order == 1 ? 0 : 2.0 * n * m * pairs + ELEMENTWISE * n * pairs);
      case AUTO -> throw new IllegalArgumentException("AUTO has no cost of its own");
    };
  }

  /**
   * One element of an elementwise-built matrix, forward and backward (products, transposes and
   * their gradients), against one multiply-add of a matrix product: about 8 ns against 0.015 ns on
   * one core here.
   */
  static final double ELEMENTWISE = 500;

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
