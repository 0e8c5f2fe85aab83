package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code bean serve} refuses to start: code 2 and one line on stderr naming the problem when
 * the port is taken, the base is missing or not a folder, or no version is complete (without {@code
 * --wait}). Its exit on SIGTERM (code 0) is checked by ServingErrorsIT, on the server it has
 * already started.
 */
class ServeExitIT {
  @TempDir static Path dir;

  static ServerSocket taken;

  /**
   * Each refused start: its name, its process (all started at once), and the line it must print.
   */
  static final Map<String, Refused> refused = new LinkedHashMap<>();

  record Refused(Process process, Path stdout, Path stderr, List<String> fragments) {}

  @BeforeAll
  static void startEachRefusal() throws Exception {
    Path base = ServedMlp.base();
    taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    String port = Integer.toString(taken.getLocalPort());
    Path missing = dir.resolve("missing");
    Path file = Files.writeString(dir.resolve("a-file"), "not a model base\n");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path pbOnly = Files.createDirectories(dir.resolve("pb-only/1"));
    Files.copy(base.resolve("1/saved_model.pb"), pbOnly.resolve("saved_model.pb"));
    // the one problem in each: the other arguments are good
    start(
        "--port already in use",
        List.of("--model", base.toString(), "--port", port),
        "127.0.0.1:" + port,
        "in use");
    start(
        "a base that does not exist",
        List.of("--model", missing.toString(), "--port", "0"),
        missing.toString(),
        "no such folder");
    start(
        "a base that is a regular file",
        List.of("--model", file.toString(), "--port", "0"),
        file.toString(),
        "not a folder");
    start(
        "an empty base",
        List.of("--model", empty.toString(), "--port", "0"),
        empty.toString(),
        "no version");
    start(
        "a base whose version 1 has saved_model.pb only",
        List.of("--model", pbOnly.getParent().toString(), "--port", "0"),
        "pb-only",
        "version 1",
        "variables/");
  }

  private static void start(String name, List<String> args, String... fragments) throws Exception {
    List<String> command = new ArrayList<>(List.of("serve"));
    command.addAll(args);
    String file = "refused-" + refused.size();
    Path stdout = dir.resolve(file + ".out");
    Path stderr = dir.resolve(file + ".err");
    Process process =
        new ProcessBuilder(FreshJvm.bean(command))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    refused.put(name, new Refused(process, stdout, stderr, List.of(fragments)));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    for (Refused r : refused.values()) {
      r.process().destroyForcibly();
    }
    if (taken != null) {
      taken.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachRefusalExitsWithCode2AndOneLine() {
    return refused.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Refused r = e.getValue();
                      boolean ended = r.process().waitFor(60, TimeUnit.SECONDS);
                      String stderr = Files.readString(r.stderr());
                      assertTrue(ended, "exits within 60 s; stderr:\n" + stderr);
                      assertEquals(2, r.process().exitValue(), "exit code; stderr:\n" + stderr);
                      assertEquals("", Files.readString(r.stdout()), "no ready line");
                      List<String> lines =
                          stderr.lines().filter(line -> !fromTensorFlow(line)).toList();
                      assertEquals(1, lines.size(), "one line on stderr:\n" + stderr);
                      for (String fragment : r.fragments()) {
                        assertTrue(
                            lines.get(0).contains(fragment),
                            "'" + fragment + "' in: " + lines.get(0));
                      }
                    }));
  }

  /** TensorFlow's log lines: a timestamp, or absl's I0000/W0000 prefix. */
  static boolean fromTensorFlow(String line) {
    return line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*")
        || line.matches("[IWEF]\\d{4} .*");
  }
}
