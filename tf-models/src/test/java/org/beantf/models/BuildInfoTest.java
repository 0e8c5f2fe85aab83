package org.beantf.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build records the version, TensorFlow Java's version and the commit of the sources. */
class BuildInfoTest {
  @Test
  void theBuildRecordsWhatItWasBuiltFrom() {
    assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), BuildInfo.version());
    assertEquals("1.1.0", BuildInfo.tensorflowVersion());
    String commit = BuildInfo.commit();
    // null only for a build outside a git checkout (a source archive); this module's tests run
    // inside one
    assertTrue(commit == null || commit.matches("[0-9a-f]{40}(-dirty)?"), commit);
  }
}
