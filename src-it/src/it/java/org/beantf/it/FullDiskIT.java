package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beantf.cli.BeanCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers on a real full disk and a real read-only file system (small tmpfs mounts; these machines
 * run the build as root): one line with the target and the operating system's reason, and nothing
 * left behind. Without permission to mount, the tests are skipped, never counted as passed.
 */
class FullDiskIT {
  @TempDir Path dir;

  private Path full;
  private Path readOnly;

  @BeforeEach
  void mount() throws Exception {
    full = Files.createDirectories(dir.resolve("full"));
    readOnly = Files.createDirectories(dir.resolve("ro"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", full.toString()), "mount");
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", readOnly.toString()));
    // leave 8 KB: enough for the probe before the work, not for the work
    run("dd", "if=/dev/zero", "of=" + full.resolve("fill"), "bs=1k", "count=292");
  }

  @AfterEach
  void unmount() throws Exception {
    run("umount", full.toString());
    run("umount", readOnly.toString());
  }

  @Test
  void trainAndExportSayNoSpaceLeftAndLeaveNothing() throws Exception {
    Path table = dir.resolve("t.csv");
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 50; i++) {
      csv.append(i)
          .append(',')
          .append(i % 3)
          .append(',')
          .append(i % 2 == 0 ? "p" : "q")
          .append('\n');
    }
    Files.writeString(table, csv);
    String[] train = {
      "train", "--model", "mlp", "--dataset", "csv:" + table, "--epochs", "1", "--out",
    };
    Result failed = bean(append(train, full.resolve("run").toString()));
    assertEquals(1, failed.exitCode, failed.err);
    assertTrue(failed.err.contains(": cannot write (no space left on device)"), failed.err);
    assertEquals(List.of("fill"), names(full), "nothing left behind");

    Path run = dir.resolve("run");
    assertEquals(0, bean(append(train, run.toString())).exitCode);
    Result export =
        bean("export", "--run", run.toString(), "--base", full.toString(), "--name", "m");
    assertEquals(1, export.exitCode, export.err);
    assertTrue(
        export.err.contains(full.resolve("m/1") + ": cannot write (no space left on device)"),
        export.err);
    assertEquals(List.of("fill"), names(full), "no version, no empty model folder");

    Result readOnlyTrain = bean(append(train, readOnly.resolve("run").toString()));
    assertEquals(2, readOnlyTrain.exitCode);
    assertEquals(
        "bean: --out "
            + readOnly.resolve("run")
            + ": cannot write in "
            + readOnly
            + " (read-only file system)",
        readOnlyTrain.err.strip());
    Result readOnlyExport = bean("export", "--run", run.toString(), "--base", readOnly.toString());
    assertEquals(2, readOnlyExport.exitCode);
    assertTrue(readOnlyExport.err.contains("(read-only file system)"), readOnlyExport.err);
  }

  private record Result(int exitCode, String err) {}

  /** The command in this JVM, its stderr captured. */
  private static Result bean(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return new Result(BeanCli.run(args), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private static String[] append(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor() == 0;
  }
}
