package org.beantf.data.fetch;

import org.beantf.data.BadInputException;

/**
 * A dataset file whose decompressed bytes do not match the pinned SHA-256 (or size): never used,
 * never cached.
 */
public final class ChecksumMismatchException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public ChecksumMismatchException(String file, String what, String found, String expected) {
    super(file + ": " + what + " " + found + " (expected " + expected + ")");
  }
}
