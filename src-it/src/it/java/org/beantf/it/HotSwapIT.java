package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.savedmodels.BeanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bean serve} swaps versions under load: two MLPs trained on MNIST with different seeds; the
 * server starts on a base holding version 1 (polling every 0.2 s), 8 client threads send the same
 * predict (the first two MNIST test images, row format) without pause, and version 2 is copied into
 * the base file by file, as {@code cp -r} writes it, slowly enough for polls to see partial copies.
 * No request fails, every answer is exactly version 1's or version 2's prediction (as {@link
 * BeanModel} computes them here), both versions answered, and once the status API shows version 2
 * AVAILABLE and version 1 END, every request sent after that is answered by version 2.
 */
class HotSwapIT {
  private static final int CLIENTS = 8;
  private static final double TOLERANCE = 1e-6;
  private static final long FILE_PAUSE_MILLIS = 300; // longer than a poll: partial copies are seen
  // after training (about 10-20 s for both): server start, load, copy, swap and one more second
  // take 5-10 s; the rest is room for a busy machine
  private static final Duration SERVE_BUDGET = Duration.ofSeconds(45);

  @TempDir Path dir;

  /** One answer: when its request was sent, its status, and which version's output it equals. */
  private record Answer(long sentNanos, int status, String source, String detail) {}

  @Test
  void versionTwoReplacesVersionOneUnderLoadWithoutAFailedOrMixedAnswer() throws Exception {
    long start = System.nanoTime();
    Path run1 = dir.resolve("seed1");
    Path run2 = dir.resolve("seed2");
    ServedMlp.train(1, run1);
    ServedMlp.train(2, run2);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + SERVE_BUDGET.toNanos();
    Path version1 = run1.resolve("savedmodel/mlp/1");
    Path version2 = run2.resolve("savedmodel/mlp/1");

    // the first two MNIST test images (a 7 and a 2), as both versions predict them here
    ImageSet test = DatasetCache.fromEnvironment(line -> {}).load(DatasetId.MNIST).test();
    float[] pixels = new float[2 * test.imageSize()];
    test.copyImage(0, pixels, 0);
    test.copyImage(1, pixels, test.imageSize());
    float[][] expected1;
    float[][] expected2;
    try (BeanModel model1 = BeanModel.load(version1);
        BeanModel model2 = BeanModel.load(version2)) {
      expected1 = model1.predict(pixels, 2).probabilities();
      expected2 = model2.predict(pixels, 2).probabilities();
    }
    double apart = maxDifference(expected1, expected2);
    assertTrue(
        apart > 1e-3,
        "the two versions' probabilities differ by "
            + apart
            + " only: the check would mean nothing");
    byte[] body = rowFormat(pixels, 2, test).getBytes(StandardCharsets.UTF_8);

    Path base = dir.resolve("base");
    copyTree(version1, base.resolve("1"), 0);
    StringBuffer serverErr = new StringBuffer();
    ProcessBuilder serve =
        new ProcessBuilder(
            FreshJvm.bean(
                List.of(
                    "serve",
                    "--model",
                    base.toString(),
                    "--name",
                    "mlp",
                    "--port",
                    "0",
                    "--poll-seconds",
                    "0.2")));
    serve.environment().put("TF_CPP_MIN_LOG_LEVEL", "2"); // as ./bean runs it: bean's lines only
    Process server = serve.start();
    Thread stderr = new Thread(() -> drain(server, serverErr), "hot-swap-server-stderr");
    stderr.setDaemon(true);
    stderr.start();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    try {
      URI uri = readyUri(server, deadline, serverErr);
      URI predict = uri.resolve("/v1/models/mlp:predict");
      URI status = uri.resolve("/v1/models/mlp");
      ObjectMapper json = new ObjectMapper();
      for (int c = 0; c < CLIENTS; c++) {
        Thread thread =
            new Thread(
                () -> {
                  while (!stop.get() && System.nanoTime() - deadline < 0) {
                    answers.add(
                        ask(client, json, predict, body, expected1, expected2, System.nanoTime()));
                  }
                },
                "hot-swap-client-" + c);
        thread.setDaemon(true);
        clients.add(thread);
        thread.start();
      }
      Thread.sleep(500); // version 1 answers under load first

      // version 2 arrives as cp -r writes it: the folder, then each file, one after the other
      long copyStart = System.nanoTime();
      copyTree(version2, base.resolve("2"), FILE_PAUSE_MILLIS);
      double copySeconds = (System.nanoTime() - copyStart) / 1e9;

      // until the status shows version 2 alone AVAILABLE (version 1 END)
      String lastStatus = "";
      long swapSeen = 0;
      while (swapSeen == 0) {
        if (System.nanoTime() - deadline > 0) {
          fail(
              String.format(
                  Locale.ROOT,
                  "timed out after %.0f s (training %.0f s, then %d s for the rest): the status"
                      + " never showed version 2 AVAILABLE and version 1 END; last status: %s%n"
                      + "server stderr:%n%s",
                  (System.nanoTime() - start) / 1e9,
                  trainSeconds,
                  SERVE_BUDGET.toSeconds(),
                  lastStatus,
                  serverErr));
        }
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        lastStatus = response.statusCode() + " " + response.body().replaceAll("\\s*\n\\s*", "");
        if (response.statusCode() == 200
            && "AVAILABLE".equals(state(json.readTree(response.body()), "2"))
            && "END".equals(state(json.readTree(response.body()), "1"))) {
          swapSeen = System.nanoTime();
        } else {
          Thread.sleep(20);
        }
      }
      long swapAt = swapSeen;
      double swapSeconds = (swapAt - copyStart) / 1e9;
      Thread.sleep(1000); // version 2 alone, under the same load
      stop.set(true);
      for (Thread thread : clients) {
        thread.join(TimeUnit.SECONDS.toMillis(15));
        assertTrue(!thread.isAlive(), thread.getName() + " did not stop within 15 s");
      }

      List<Answer> all = List.copyOf(answers);
      long failed = all.stream().filter(a -> a.status() != 200).count();
      long fromOne = all.stream().filter(a -> a.source().equals("1")).count();
      long fromTwo = all.stream().filter(a -> a.source().equals("2")).count();
      long neither = all.stream().filter(a -> a.source().equals("neither")).count();
      long both = all.stream().filter(a -> a.source().equals("both")).count();
      List<Answer> after = all.stream().filter(a -> a.sentNanos() - swapAt > 0).toList();
      long afterNotTwo = after.stream().filter(a -> !a.source().equals("2")).count();
      String counts =
          String.format(
              Locale.ROOT,
              "%d answers: %d from version 1, %d from version 2, %d failed, %d equal to neither,"
                  + " %d to both; %d sent after the status showed version 2 alone, %d of them not"
                  + " version 2's (training %.1f s, copy %.1f s, swap seen %.1f s after the copy"
                  + " began, test %.1f s); first problems: %s%nserver stderr:%n%s",
              all.size(),
              fromOne,
              fromTwo,
              failed,
              neither,
              both,
              after.size(),
              afterNotTwo,
              trainSeconds,
              copySeconds,
              swapSeconds,
              (System.nanoTime() - start) / 1e9,
              all.stream()
                  .filter(a -> a.status() != 200 || !a.source().matches("[12]"))
                  .limit(3)
                  .map(a -> a.status() + " " + a.source() + " " + a.detail())
                  .toList(),
              serverErr);
      System.out.println("HotSwapIT: " + counts.lines().findFirst().orElse(""));
      assertEquals(0, failed, "every request answered 200: " + counts);
      assertEquals(0, neither + both, "every answer is exactly one version's: " + counts);
      assertTrue(fromOne > 0 && fromTwo > 0, "both versions answered: " + counts);
      assertTrue(!after.isEmpty(), "requests were sent after the swap: " + counts);
      assertEquals(0, afterNotTwo, "after the swap, version 2 alone answers: " + counts);
    } finally {
      stop.set(true);
      server.destroy(); // SIGTERM: bean serve drains and exits 0
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
  }

  /** One predict; which version's probabilities the answer equals (1, 2, both or neither). */
  private static Answer ask(
      HttpClient client,
      ObjectMapper json,
      URI predict,
      byte[] body,
      float[][] expected1,
      float[][] expected2,
      long sent) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(predict)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Answer(sent, response.statusCode(), "none", response.body());
      }
      JsonNode predictions = json.readTree(response.body()).get("predictions");
      float[][] got = new float[expected1.length][expected1[0].length];
      for (int i = 0; i < got.length; i++) {
        JsonNode probabilities = predictions.get(i).get("probabilities");
        for (int k = 0; k < got[i].length; k++) {
          got[i][k] = (float) probabilities.get(k).asDouble();
        }
      }
      boolean one = maxDifference(got, expected1) <= TOLERANCE;
      boolean two = maxDifference(got, expected2) <= TOLERANCE;
      String source = one && two ? "both" : one ? "1" : two ? "2" : "neither";
      return new Answer(sent, 200, source, one || two ? "" : response.body());
    } catch (IOException | RuntimeException e) {
      return new Answer(sent, -1, "none", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(sent, -1, "none", e.toString());
    }
  }

  /** The state of one version in a status answer, or null when it is not listed. */
  private static String state(JsonNode status, String version) {
    for (JsonNode v : status.get("model_version_status")) {
      if (v.get("version").asText().equals(version)) {
        return v.get("state").asText();
      }
    }
    return null;
  }

  private static double maxDifference(float[][] a, float[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < a[i].length; k++) {
        max = Math.max(max, Math.abs(a[i][k] - b[i][k]));
      }
    }
    return max;
  }

  /**
   * Copies a folder as {@code cp -r} does: the target folder first, then each entry in the order it
   * is listed, folders before what they hold, with a pause after each file.
   */
  private static void copyTree(Path from, Path to, long pauseMillis)
      throws IOException, InterruptedException {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(from)) {
      entries = walk.toList();
    }
    for (Path entry : entries) {
      Path target = to.resolve(from.relativize(entry).toString());
      if (Files.isDirectory(entry)) {
        Files.createDirectories(target);
      } else {
        Files.copy(entry, target);
        Thread.sleep(pauseMillis);
      }
    }
  }

  /** The address on bean serve's ready line, read from its stdout. */
  private static URI readyUri(Process server, long deadline, StringBuffer serverErr)
      throws Exception {
    // a thread of its own: the common pool may have a single thread on a small machine
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  if (l.startsWith("bean serve: ready at ")) {
                    line.complete(l);
                    return;
                  }
                }
                line.complete(null);
              } catch (IOException e) {
                line.complete(null);
              }
            },
            "hot-swap-server-stdout");
    reader.setDaemon(true);
    reader.start();
    String ready;
    try {
      ready =
          line.get(
              Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
              TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ready = null;
    }
    if (ready == null) {
      fail(
          "bean serve printed no ready line"
              + (server.isAlive() ? " in time" : " (exit " + server.waitFor() + ")")
              + "; stderr:\n"
              + serverErr);
    }
    // bean serve: ready at http://127.0.0.1:PORT (mlp: version 1)
    return URI.create(ready.substring("bean serve: ready at ".length()).split(" ")[0]);
  }

  private static void drain(Process server, StringBuffer into) {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String l = err.readLine(); l != null; l = err.readLine()) {
        into.append(l).append('\n');
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** {@code {"instances": [...]}} for {@code count} images [H][W][C]. */
  private static String rowFormat(float[] pixels, int count, ImageSet images) {
    StringBuilder json = new StringBuilder("{\"instances\": [");
    int at = 0;
    for (int n = 0; n < count; n++) {
      json.append(n == 0 ? "[" : ",[");
      for (int y = 0; y < images.height(); y++) {
        json.append(y == 0 ? "[" : ",[");
        for (int x = 0; x < images.width(); x++) {
          json.append(x == 0 ? "[" : ",[");
          for (int c = 0; c < images.channels(); c++) {
            json.append(c == 0 ? "" : ",").append(pixels[at++]);
          }
          json.append(']');
        }
        json.append(']');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }
}
