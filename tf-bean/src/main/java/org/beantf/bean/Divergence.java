package org.beantf.bean;

import java.util.Locale;

/** The co-activation divergence d(x, y) of Eq. 1. */
public enum Divergence {
  /** d(x, y) = (x − y)², the paper's choice for its experiments. */
  SQUARED,
  /** d(x, y) = |x − y|. */
  ABSOLUTE;

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
