package org.beantf.bean;

import java.util.Locale;

/** How the correlation matrices are scaled by M, the number of neurons in the next layer. */
public enum Normalization {
  /** The paper's Eq. 5 and 7: A¹ = F Fᵀ / M, A² = (F Fᵀ) ⊙ (F Fᵀ) / M². Entries lie in [0, 1]. */
  PAPER,
  /**
   * The authors' public code: A¹ = F Fᵀ, A² = (F Fᵀ) ⊙ (F Fᵀ). Entries lie in [0, M] or [0, M²].
   */
  NONE;

  /**
   * The divisor of A for correlation {@code order} (1 or 2) with {@code m} outgoing neurons: M, M²
   * or 1.
   */
  double divisor(int order, long m) {
    return this == NONE ? 1.0 : Math.pow(m, order);
  }

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
