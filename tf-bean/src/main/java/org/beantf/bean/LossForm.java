package org.beantf.bean;

/**
 * Which exact form of Eq. 1 a regularizer builds (see {@link BeanEquations}). {@link #AUTO} picks the cheapest by
 * the cost formulas below for the layer's N and M and the configured batch size S.
 */
public enum LossForm {
  AUTO,
  /** The literal S×N×N form; the only one for the absolute divergence. */
  BROADCAST,
  /** Squared divergence with the N×N matrix A: cost N²·M (building A) + S·N². */
  DENSE,
  /** Squared divergence with a factor of A: cost S·N·M (order 1) or S·N·M(M+1)/2 (order 2). */
  LOWRANK;

  /** The cheapest exact form for this divergence, order and shape (never {@link #AUTO}). */
  public static LossForm cheapest(Divergence divergence, int order, long n, long m, long s) {
    if (divergence == Divergence.ABSOLUTE) {
      return BROADCAST;
    }
    return cost(LOWRANK, order, n, m, s) <= cost(DENSE, order, n, m, s) ? LOWRANK : DENSE;
  }

  /** Multiply-adds of a form per batch, by DESIGN.md's cost model (broadcast: N²·M + S·N²·3 elementwise). */
  public static double cost(LossForm form, int order, long n, long m, long s) {
    return switch (form) {
      case BROADCAST -> (double) n * n * m + 3.0 * s * n * n;
      case DENSE -> (double) n * n * m + (double) s * n * n;
      case LOWRANK -> (double) s * n * (order == 1 ? m : m * (m + 1) / 2.0);
      case AUTO -> throw new IllegalArgumentException("AUTO has no cost of its own");
    };
  }

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
