package org.beantf.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bean serve} in a JVM of its own (FreshJvm), started and waited for until it prints its
 * ready line; its stderr goes to a file so that a failure can quote it.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("bean serve: ready at (http://127\\.0\\.0\\.1:(\\d+)) \\((.*)\\)");

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  final Process process;
  final URI uri;
  final int port;
  final String readyLine;
  private final Path stderr;

  private ServeProcess(Process process, URI uri, int port, String readyLine, Path stderr) {
    this.process = process;
    this.uri = uri;
    this.port = port;
    this.readyLine = readyLine;
    this.stderr = stderr;
  }

  /**
   * Starts {@code bean serve ARGS} and returns once it printed its ready line (at most 60 s), or
   * fails with what it wrote on stderr.
   */
  static ServeProcess start(Path stderrFile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("serve"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(FreshJvm.bean(command))
            .redirectError(stderrFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("bean serve: ready at ")) {
                    ready.complete(line);
                  }
                }
                ready.completeExceptionally(new IOException("stdout closed without a ready line"));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "bean-serve-stdout");
    reader.setDaemon(true);
    reader.start();
    String line;
    try {
      line = ready.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "bean serve "
              + String.join(" ", args)
              + ": no ready line within 60 s ("
              + e
              + "); exit "
              + (process.isAlive() ? "none yet" : process.exitValue())
              + "; stderr:\n"
              + Files.readString(stderrFile),
          e);
    }
    Matcher m = READY.matcher(line);
    if (!m.matches()) {
      process.destroyForcibly();
      fail("unexpected ready line: " + line + "\nstderr:\n" + Files.readString(stderrFile));
    }
    return new ServeProcess(
        process, URI.create(m.group(1)), Integer.parseInt(m.group(2)), line, stderrFile);
  }

  /** What the server wrote on stderr so far. */
  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM, then SIGKILL if it has not exited after 40 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
