package org.beantf.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --out appears only complete: staged beside it, renamed into place, or deleted on failure. */
class OutputFolderTest {
  @TempDir Path dir;

  @Test
  void stagedBesideThenRenamed() throws Exception {
    OutputFolder out = OutputFolder.of(dir.resolve("out"));
    Path staged = out.stage();
    assertEquals(dir, staged.getParent());
    assertTrue(staged.getFileName().toString().startsWith(".out-"), staged.toString());
    Files.writeString(staged.resolve("result.txt"), "done");
    out.commit(staged);
    assertEquals(List.of("out"), names());
    assertEquals("done", Files.readString(dir.resolve("out/result.txt")));
  }

  @Test
  void anEmptyOutIsReplaced() throws Exception {
    Files.createDirectory(dir.resolve("out"));
    OutputFolder out = OutputFolder.of(dir.resolve("out"));
    Path staged = out.stage();
    Files.writeString(staged.resolve("a"), "1");
    out.commit(staged);
    assertTrue(Files.isRegularFile(dir.resolve("out/a")));
  }

  @Test
  void discardedOnFailureLeavesNothing() throws Exception {
    Path staged = OutputFolder.of(dir.resolve("out")).stage();
    Files.createDirectories(staged.resolve("deep/er"));
    Files.writeString(staged.resolve("deep/er/file"), "x");
    RuntimeException failure = new IllegalStateException("boom");
    OutputFolder.discard(staged, failure);
    assertEquals(List.of(), names());
    assertEquals(0, failure.getSuppressed().length);
  }

  @Test
  void theStagedFolderHasTheUmasksPermissionsNotPrivateOnes() throws Exception {
    Path staged = OutputFolder.of(dir.resolve("out")).stage();
    Path plain = Files.createDirectory(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(staged));
  }

  @Test
  void aFolderThatIsNotEmptyIsRefusedBeforeAnyWork() throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/keep"), "mine");
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> OutputFolder.of(dir.resolve("out")));
    assertEquals(
        "--out "
            + dir.resolve("out")
            + ": folder is not empty (expected an absent or empty folder)",
        e.messageFor(p -> "--" + p));
    assertFalse(names().stream().anyMatch(n -> n.startsWith(".")));
  }

  @Test
  void theTargetIsWhatWasNamed() {
    Path target = dir.resolve("out");
    assertSame(target, OutputFolder.of(target).target());
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theCurrentFolderOrAnEmptyNameIsNoOutputFolder() {
    for (String name : List.of("", ".", "..", "sub/..")) {
      InvalidSettingException e =
          assertThrows(InvalidSettingException.class, () -> OutputFolder.of(Path.of(name)), name);
      assertTrue(
          e.messageFor(p -> "--" + p).startsWith("--out '" + name + "': expected a folder name"),
          e.messageFor(p -> "--" + p));
    }
  }

  @Test
  void aPathUnderAFileIsRefusedNamingTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> OutputFolder.of(file.resolve("x/y")));
    assertEquals(
        "--out " + file.resolve("x/y") + ": " + file + " is a file (expected a folder there)",
        e.messageFor(p -> "--" + p));
  }

  @Test
  void theFileSystemsReasonIsPassedThrough() {
    Path tooLong = dir.resolve("n".repeat(300));
    OutputFolder out = OutputFolder.of(tooLong);
    InvalidSettingException e = assertThrows(InvalidSettingException.class, out::stage);
    assertTrue(
        e.messageFor(p -> "--" + p)
            .startsWith("--out " + tooLong + ": cannot create a folder in " + dir + " ("),
        e.messageFor(p -> "--" + p));
    assertTrue(
        e.messageFor(p -> "--" + p).endsWith("File name too long)"), e.messageFor(p -> "--" + p));
  }

  @Test
  void aDeepMissingPathNamesTheFolderThatRefusedNotAMissingOne() {
    Path out = dir.resolve("n".repeat(300)).resolve("a/b/out");
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, OutputFolder.of(out)::stage);
    assertEquals(
        "--out " + out + ": cannot create a folder in " + dir + " (File name too long)",
        e.messageFor(p -> "--" + p));
  }

  @Test
  void aReadOnlyFolderGivesTheOperatingSystemsReasonNotATemporaryName() throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(readOnly), "root writes in a read-only folder");
      Path out = readOnly.resolve("a/b/out");
      InvalidSettingException e =
          assertThrows(InvalidSettingException.class, OutputFolder.of(out)::stage);
      assertEquals(
          "--out " + out + ": cannot create a folder in " + readOnly + " (Permission denied)",
          e.messageFor(p -> "--" + p));
      e = assertThrows(InvalidSettingException.class, () -> Writable.require("out", out));
      assertEquals(
          "--out " + out + ": cannot write in " + readOnly + " (permission denied)",
          e.messageFor(p -> "--" + p));
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
