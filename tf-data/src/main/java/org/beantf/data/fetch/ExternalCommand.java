package org.beantf.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a package client (npm, apt-get, dpkg-deb) the way a user would, with a time limit. */
final class ExternalCommand {
  private static final long TIMEOUT_MINUTES = 10;

  private ExternalCommand() {}

  /** Exit code and combined output of a finished command. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The last non-blank line of the output, for short error messages. */
    String lastLine() {
      String[] lines = output.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }

  /** Whether {@code program} is an executable on the PATH. */
  static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command} in {@code workingDir}, stdout and stderr combined. */
  static Result run(List<String> command, Path workingDir) throws SourceUnavailableException {
    Process process = start(command, workingDir, true);
    try (InputStream out = process.getInputStream()) {
      String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      return new Result(waitFor(process, command), output);
    } catch (IOException e) {
      throw new SourceUnavailableException(command.get(0) + " failed: " + e.getMessage());
    }
  }

  /** Starts {@code command} with stdout as a stream to read; stderr is discarded. */
  static Process start(List<String> command, Path workingDir, boolean mergeErrors)
      throws SourceUnavailableException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    if (mergeErrors) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      Process process = builder.start();
      process
          .getOutputStream()
          .close(); // no standard input: a client that asks a question gets end-of-file
      return process;
    } catch (IOException e) {
      throw new SourceUnavailableException("cannot run " + command.get(0) + ": " + e.getMessage());
    }
  }

  /** Waits for the command to end and returns its exit code; kills it after the time limit. */
  static int waitFor(Process process, List<String> command) throws SourceUnavailableException {
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new SourceUnavailableException(
            String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("interrupted while running " + command.get(0));
    }
  }
}
