package org.beantf.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableTest {
  @TempDir Path dir;

  @Test
  void aWritableLocationPassesAndLeavesNoProbe() throws IOException {
    Writable.require("out", dir.resolve("a/b/c"));
    Writable.require("out", dir);
    try (var entries = Files.list(dir)) {
      assertEquals(0, entries.count(), "the probe is deleted");
    }
  }

  @Test
  void aPathUnderAFileIsRefusedNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class, () -> Writable.require("out", file.resolve("run")));
    assertEquals("out", e.parameter());
    assertTrue(
        e.getMessage().contains(file + " is a file (expected a folder there)"), e.getMessage());
  }

  @Test
  void theOperatingSystemsReasonIsFoundWhereverTheLayerBuriedIt() {
    // TensorFlow's saver: the reason after a temporary file's name, in a RuntimeException
    RuntimeException tf =
        new IllegalStateException(
            "/t/run/checkpoint.new/variables.data-00000-of-00001.tempstate916; No space left on"
                + " device");
    assertEquals("no space left on device", OutputWriteException.reason(tf));
    UncheckedIOException wrapped =
        new UncheckedIOException(
            "cannot write x", new FileSystemException("/t/x", null, "Read-only file system"));
    assertEquals("read-only file system", OutputWriteException.reason(wrapped));
    assertEquals(
        Path.of("/t/run/metrics.jsonl") + ": cannot write (no space left on device)",
        OutputWriteException.of(Path.of("/t/run/metrics.jsonl"), tf).getMessage());
    assertEquals("something else", OutputWriteException.reason(new IOException("something else")));
  }

  @Test
  void aDeniedAccessGivesItsReasonNotTheFilesName() {
    // Java's message for EACCES is the file's name alone: a probe's, a staged folder's
    AccessDeniedException denied = new AccessDeniedException("/x/ro/.bean-probe-1x2y");
    assertEquals("Permission denied", Folders.reason(denied));
    assertEquals(
        "permission denied",
        OutputWriteException.reason(new UncheckedIOException("cannot write", denied)));
    assertEquals(
        "Read-only file system",
        Folders.reason(new FileSystemException("/x/ro/.m-1", null, "Read-only file system")));
  }
}
