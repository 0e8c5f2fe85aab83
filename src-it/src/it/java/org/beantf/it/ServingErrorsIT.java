package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bean serve}'s refusals, each with TF Serving's status code and {@code {"error": "<one
 * sentence>"}}, each followed by a good request that still gets 200 with the same answer as before
 * (on the server ServingDocIT uses, {@link ServedMlp#server}); 413 for a body over the limit; and a
 * server started with {@code --wait} on an empty base that answers 404 until a version copied in
 * file by file is AVAILABLE, then stops on SIGTERM with code 0.
 */
class ServingErrorsIT {
  private static final String PREDICT = "/v1/models/mlp:predict";

  @TempDir static Path dir;

  static ServeProcess server;
  static String images;
  static JsonNode goodAnswer;

  @BeforeAll
  static void serve() throws Exception {
    server = ServedMlp.server();
    images = Files.readString(ServedMlp.imagesFile());
    HttpResponse<String> good = server.post(PREDICT, images);
    assertEquals(200, good.statusCode(), good.body());
    goodAnswer = ServedMlp.JSON.readTree(good.body());
    assertEquals(2, goodAnswer.path("predictions").size(), good.body());
  }

  /** One request and what it must get. */
  record Refusal(String name, String path, String body, int status, String... fragments) {}

  /** One 28×28×1 image of zeros with its first pixel written as {@code pixel}. */
  static String image(String pixel) {
    StringBuilder rows = new StringBuilder("[");
    for (int r = 0; r < 28; r++) {
      rows.append(r == 0 ? "[" : ",[");
      for (int c = 0; c < 28; c++) {
        rows.append(c == 0 ? "" : ",").append('[').append(r + c == 0 ? pixel : "0.0").append(']');
      }
      rows.append(']');
    }
    return rows.append(']').toString();
  }

  static String instances(String pixel) {
    return "{\"instances\": [" + image(pixel) + "]}";
  }

  static List<Refusal> refusals() {
    return List.of(
        new Refusal("malformed JSON", PREDICT, "{\"instances\": [[0.5", 400),
        new Refusal("not JSON at all", PREDICT, "instances=0.5", 400),
        new Refusal("wrong shape", PREDICT, "{\"instances\": [[0.5, 0.5]]}", 400, "shape"),
        new Refusal(
            "wrong shape, columnar", PREDICT, "{\"inputs\": [[0.5, 0.5, 0.5]]}", 400, "shape"),
        new Refusal("a bare NaN", PREDICT, instances("NaN"), 400),
        new Refusal("a bare Infinity", PREDICT, instances("Infinity"), 400),
        new Refusal("a bare -Infinity", PREDICT, instances("-Infinity"), 400),
        new Refusal("1e999", PREDICT, instances("1e999"), 400, "1e999"),
        new Refusal("1e39, finite as a double", PREDICT, instances("1e39"), 400, "1e39"),
        new Refusal("a string for a number", PREDICT, instances("\"0.5\""), 400, "string"),
        new Refusal("a boolean for a number", PREDICT, instances("true"), 400, "boolean"),
        new Refusal(
            "an unknown signature",
            PREDICT,
            "{\"signature_name\": \"x\", \"instances\": [" + image("0.0") + "]}",
            400,
            "Serving signature name: \"x\" not found in signature def"),
        new Refusal(
            "an unknown input name",
            PREDICT,
            "{\"inputs\": {\"pixels\": [" + image("0.0") + "]}}",
            400,
            "pixels"),
        new Refusal(
            "the row format to 'bean'",
            PREDICT,
            "{\"signature_name\": \"bean\", \"instances\": [" + image("0.0") + "]}",
            400,
            "weights/hidden",
            "correlation1/hidden",
            "correlation2/hidden"),
        new Refusal(
            "an unknown model, predict",
            "/v1/models/nope:predict",
            images,
            404,
            "Servable not found for request: Latest(nope)"),
        new Refusal(
            "an unknown model, status",
            "/v1/models/nope",
            null,
            404,
            "Could not find any versions of model nope"),
        new Refusal(
            "an unknown model, metadata",
            "/v1/models/nope/metadata",
            null,
            404,
            "Servable not found for request: Latest(nope)"),
        new Refusal(
            "an unknown version",
            "/v1/models/mlp/versions/9:predict",
            images,
            404,
            "Servable not found for request: Specific(mlp, 9)"));
  }

  @TestFactory
  Stream<DynamicTest> eachRefusalHasItsStatusAndOneSentenceAndTheServerStillAnswers() {
    return refusals().stream()
        .map(
            refusal ->
                DynamicTest.dynamicTest(
                    refusal.name(),
                    () -> {
                      HttpResponse<String> response =
                          refusal.body() == null
                              ? server.get(refusal.path())
                              : server.post(refusal.path(), refusal.body());
                      assertError(response, refusal.status(), refusal.fragments());
                      assertStillAnswers(server);
                    }));
  }

  /**
   * 100 MB, over the default limit (64 MB): 413, sent with its length and chunked. A server may
   * answer and close while the client is still sending, and the client may then report the broken
   * connection instead of the answer: that is accepted here because the same request's headers with
   * {@code Expect: 100-continue}, on a socket of the test's own, get the 413 before any of the body
   * is sent. (java.net.http's own expectContinue waits forever for a final answer that is not 100
   * on JDK 17, hence the socket.)
   */
  @Test
  void aHundredMegabyteBodyIsRefusedWith413() throws Exception {
    long size = 100L << 20;
    String raw = rawAnswerAfterExpectContinue(size);
    assertTrue(raw.startsWith("HTTP/1.1 413 "), "before the body is sent, the status:\n" + raw);
    assertTrue(raw.contains("\r\n\r\n"), raw);
    assertErrorBody(
        ServedMlp.JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4)), "413: " + raw);
    assertStillAnswers(server);
    for (boolean chunked : new boolean[] {false, true}) {
      String way = chunked ? "chunked" : "with its length";
      HttpRequest.BodyPublisher spaces =
          HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(size));
      HttpResponse<String> response;
      try {
        response =
            server.post(
                PREDICT, chunked ? spaces : HttpRequest.BodyPublishers.fromPublisher(spaces, size));
      } catch (IOException e) {
        System.err.println("100 MB " + way + ": the client saw " + e + " (the server closed)");
        assertStillAnswers(server);
        continue;
      }
      assertError(response, 413, "--max-request-mb");
      assertStillAnswers(server);
    }
  }

  /**
   * The whole answer (up to the server's close) to a predict's headers, announcing {@code size}
   * bytes after {@code Expect: 100-continue}; the body is never sent.
   */
  private static String rawAnswerAfterExpectContinue(long size) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + PREDICT
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + size
                      + "\r\nExpect: 100-continue\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return answer;
    }
  }

  /**
   * {@code --wait} on an empty base: ready, 404 (TF Serving's message) until a version is copied in
   * file by file, as {@code cp -r} does, then AVAILABLE and answering; its {@code --max-request-mb
   * 1} refuses a body one byte over 1 MiB with 413. Then SIGTERM: it exits with code 0 within 40 s,
   * saying that it stops.
   */
  @Test
  void aServerWaitingForItsFirstVersionAnswers404UntilOneIsCopiedInThenStopsOnSigterm()
      throws Exception {
    Path base = Files.createDirectories(dir.resolve("later"));
    try (ServeProcess waiting =
        ServeProcess.start(
            dir.resolve("waiting.err"),
            "--model",
            base.toString(),
            "--wait",
            "--poll-seconds",
            "0.2",
            "--max-request-mb",
            "1",
            // not the default 30 s: an idle keep-alive connection (ServeProcess.HTTP keeps them)
            // holds the stop for the whole drain time, although no request is in flight (reported)
            "--drain-seconds",
            "5",
            "--port",
            "0")) {
      assertTrue(
          waiting.readyLine.endsWith("(later: no version yet)"), "ready: " + waiting.readyLine);
      assertError(
          waiting.post("/v1/models/later:predict", images),
          404,
          "Servable not found for request: Latest(later)");
      assertError(
          waiting.get("/v1/models/later"), 404, "Could not find any versions of model later");

      // the images padded with spaces to the limit (1 MiB) and one byte over it: the first is
      // read (and finds no version), the second refused for its size; small enough that the client
      // has sent it all when the answer comes, so the 413 is seen without Expect: 100-continue
      for (int extra : new int[] {0, 1}) {
        byte[] padded = new byte[(1 << 20) + extra];
        Arrays.fill(padded, (byte) ' ');
        byte[] json = images.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, padded, 0, json.length);
        HttpResponse<String> response =
            waiting.post(
                "/v1/models/later:predict", HttpRequest.BodyPublishers.ofByteArray(padded));
        if (extra == 0) {
          assertError(response, 404, "Servable not found for request: Latest(later)");
        } else {
          assertError(response, 413, "--max-request-mb");
        }
      }

      copyFileByFile(ServedMlp.base().resolve("1"), base.resolve("1"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      HttpResponse<String> status = waiting.get("/v1/models/later");
      while (!isAvailable(status) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = waiting.get("/v1/models/later");
      }
      assertTrue(
          isAvailable(status),
          "version 1 AVAILABLE within 60 s: " + status.body() + "\nstderr:\n" + waiting.stderr());
      HttpResponse<String> answer = waiting.post("/v1/models/later:predict", images);
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(goodAnswer, ServedMlp.JSON.readTree(answer.body()), "the same model's answer");

      waiting.process.destroy(); // SIGTERM
      assertTrue(
          waiting.process.waitFor(40, TimeUnit.SECONDS),
          "exits within 40 s of SIGTERM; stderr:\n" + waiting.stderr());
      assertEquals(0, waiting.process.exitValue(), "exit code; stderr:\n" + waiting.stderr());
      assertTrue(waiting.stderr().contains("stopping"), "stderr:\n" + waiting.stderr());
    }
  }

  private static boolean isAvailable(HttpResponse<String> status) throws IOException {
    if (status.statusCode() != 200) {
      return false;
    }
    JsonNode versions = ServedMlp.JSON.readTree(status.body()).path("model_version_status");
    return versions.size() == 1
        && versions.get(0).path("version").asText().equals("1")
        && versions.get(0).path("state").asText().equals("AVAILABLE");
  }

  /** As {@code cp -r}: each folder created, then each file copied, in the order they are listed. */
  static void copyFileByFile(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** A good predict still gets 200 and the same answer as before. */
  static void assertStillAnswers(ServeProcess server) throws Exception {
    HttpResponse<String> good = server.post(PREDICT, images);
    assertEquals(200, good.statusCode(), "a good request afterwards: " + good.body());
    assertEquals(goodAnswer, ServedMlp.JSON.readTree(good.body()), "the same answer as before");
  }

  /** {@code status} and a body {@code {"error": "<one sentence>"}} holding each fragment. */
  static void assertError(HttpResponse<String> response, int status, String... fragments)
      throws Exception {
    String what = response.request().method() + " " + response.request().uri().getPath();
    assertEquals(status, response.statusCode(), what + ": " + response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        what + ": " + response.headers().map());
    JsonNode body = ServedMlp.JSON.readTree(response.body());
    assertErrorBody(body, what);
    String message = body.get("error").textValue();
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), what + ": '" + fragment + "' in " + message);
    }
  }

  /** {"error": message}, nothing else, the message one sentence on one line. */
  static void assertErrorBody(JsonNode body, String what) {
    assertTrue(body.isObject(), what + ": " + body);
    assertEquals(Set.of("error"), ServingDocIT.names(body), what + ": " + body);
    assertTrue(body.get("error").isTextual(), what + ": " + body);
    String message = body.get("error").textValue();
    assertFalse(message.isBlank(), what);
    assertFalse(message.contains("\n") || message.contains("\r"), what + ": one line: " + message);
    assertFalse(message.matches("(?s).*[.!?;]\\s+\\p{Lu}.*"), what + ": one sentence: " + message);
  }

  /** {@code size} spaces, without holding them. */
  private static final class Spaces extends InputStream {
    private long left;

    Spaces(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, (byte) ' ');
      left -= n;
      return n;
    }
  }
}
