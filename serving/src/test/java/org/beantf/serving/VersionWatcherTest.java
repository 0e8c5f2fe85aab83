package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.beantf.serving.ModelConfigFile.VersionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version policies and the poll's change detection, without loading a model. */
class VersionWatcherTest {
  private static final TreeSet<Long> READY = new TreeSet<>(Set.of(1L, 3L, 4L, 7L));

  @Test
  void latestTakesTheNewestReadyVersions() {
    assertEquals(Set.of(7L), VersionWatcher.select(new VersionPolicy.Latest(1), READY));
    assertEquals(Set.of(4L, 7L), VersionWatcher.select(new VersionPolicy.Latest(2), READY));
    assertEquals(READY, VersionWatcher.select(new VersionPolicy.Latest(10), READY));
  }

  @Test
  void allAndSpecific() {
    assertEquals(READY, VersionWatcher.select(new VersionPolicy.All(), READY));
    assertEquals(
        Set.of(3L),
        VersionWatcher.select(new VersionPolicy.Specific(java.util.List.of(2L, 3L)), READY));
  }

  @Test
  void versionFoldersAreTheNumericFolders(@TempDir Path base) throws Exception {
    Files.createDirectories(base.resolve("1"));
    Files.createDirectories(base.resolve("12"));
    Files.createDirectories(base.resolve(".3-export-x"));
    Files.createDirectories(base.resolve("v4"));
    Files.writeString(base.resolve("5"), "a file, not a version");
    assertEquals(Set.of(1L, 12L), VersionWatcher.versionFolders(base).keySet());
  }

  @Test
  void fingerprintChangesWhenAFileGrowsOrAppears(@TempDir Path version) throws Exception {
    Files.writeString(version.resolve("saved_model.pb"), "abc");
    String before = VersionWatcher.fingerprint(version);
    assertEquals(before, VersionWatcher.fingerprint(version));
    Files.writeString(version.resolve("saved_model.pb"), "abcd");
    String grown = VersionWatcher.fingerprint(version);
    assertNotEquals(before, grown);
    Files.createDirectories(version.resolve("variables"));
    assertNotEquals(grown, VersionWatcher.fingerprint(version));
  }
}
