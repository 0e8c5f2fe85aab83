package org.beantf.savedmodels;

import java.nio.file.Path;

/** An export onto a version folder that already exists: refused, the old version untouched. */
public final class VersionExistsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public VersionExistsException(Path version) {
    super(
        version
            + ": version exists (expected a new version number; an export never overwrites one)");
  }
}
