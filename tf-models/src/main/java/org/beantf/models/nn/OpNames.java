package org.beantf.models.nn;

import org.tensorflow.op.Ops;

/**
 * Op names with '/' ("fc1/kernel"): TF Java's withName takes one component, so the rest become
 * sub-scopes.
 */
public final class OpNames {
  private OpNames() {}

  /**
   * {@code tf} scoped so that the next op it builds is named {@code path}, relative to {@code tf}'s
   * scope.
   */
  public static Ops named(Ops tf, String path) {
    String[] parts = path.split("/");
    Ops scoped = tf;
    for (int i = 0; i < parts.length - 1; i++) {
      scoped = scoped.withSubScope(parts[i]);
    }
    return scoped.withName(parts[parts.length - 1]);
  }
}
