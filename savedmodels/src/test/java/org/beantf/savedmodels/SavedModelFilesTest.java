package org.beantf.savedmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version's files are checked before TensorFlow reads them; a base passes over an incomplete
 * newest version.
 */
class SavedModelFilesTest {
  @TempDir Path dir;

  private Path version(String name, int shards) throws Exception {
    Path version = Files.createDirectories(dir.resolve("base").resolve(name));
    Files.write(version.resolve("saved_model.pb"), new byte[] {1});
    Path variables = Files.createDirectories(version.resolve("variables"));
    Files.write(variables.resolve("variables.index"), new byte[] {1});
    for (int s = 0; s < shards; s++) {
      Files.write(
          variables.resolve(String.format("variables.data-%05d-of-%05d", s, shards)),
          new byte[] {1});
    }
    return version;
  }

  @Test
  void aCompleteVersionHasNothingMissing() throws Exception {
    assertEquals(Optional.empty(), SavedModelFiles.missing(version("1", 2)));
  }

  @Test
  void eachMissingPartIsNamed() throws Exception {
    Path noVariables = version("1", 1);
    Files.walk(noVariables.resolve("variables"))
        .sorted((a, b) -> b.compareTo(a))
        .forEach(p -> p.toFile().delete());
    assertEquals(
        Optional.of("no variables/ folder (a copy still running?)"),
        SavedModelFiles.missing(noVariables));
    Path shardMissing = version("2", 2);
    Files.delete(shardMissing.resolve("variables/variables.data-00001-of-00002"));
    assertEquals(
        Optional.of("no variables/variables.data-00001-of-00002"),
        SavedModelFiles.missing(shardMissing));
    Path noIndex = version("3", 1);
    Files.delete(noIndex.resolve("variables/variables.index"));
    assertEquals(Optional.of("no variables/variables.index"), SavedModelFiles.missing(noIndex));
  }

  @Test
  void aBasePassesOverAnIncompleteNewestVersionWithOneWarning() throws Exception {
    Path complete = version("1", 1);
    Path copying = Files.createDirectories(dir.resolve("base/2"));
    Files.write(copying.resolve("saved_model.pb"), new byte[] {1});
    List<String> warnings = new ArrayList<>();
    assertEquals(complete, SavedModelFiles.resolve(dir.resolve("base"), warnings::add));
    assertEquals(1, warnings.size());
    assertTrue(
        warnings.get(0).contains(copying + " is not complete (no variables/ folder"),
        warnings.get(0));
  }

  @Test
  void anIncompleteVersionFolderIsRefusedNamingItAndWhatIsMissing() throws Exception {
    Path copying = Files.createDirectories(dir.resolve("base/2"));
    Files.write(copying.resolve("saved_model.pb"), new byte[] {1});
    InvalidModelException e =
        assertThrows(InvalidModelException.class, () -> SavedModelFiles.resolve(copying, w -> {}));
    assertEquals(
        copying
            + ": not a complete SavedModel version (no variables/ folder (a copy still running?))",
        e.getMessage());
    InvalidModelException none =
        assertThrows(
            InvalidModelException.class,
            () -> SavedModelFiles.resolve(dir.resolve("base"), w -> {}));
    assertTrue(
        none.getMessage().contains("no saved_model.pb and no complete numeric version"),
        none.getMessage());
  }
}
