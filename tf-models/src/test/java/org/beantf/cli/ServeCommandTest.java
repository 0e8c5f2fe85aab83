package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.serving.ModelConfigFile.ModelConfig;
import org.beantf.serving.ModelConfigFile.VersionPolicy;
import org.beantf.serving.ModelServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.SavedModel;

/**
 * {@code bean serve}: its refusals before anything is served, and the version life cycle of a real
 * (tiny) model: a version that fails to load is reported while the old one keeps serving, a newer
 * one is swapped in, a removed one is unloaded.
 */
class ServeCommandTest {
  @TempDir static Path dir;

  private static Path version;

  @BeforeAll
  static void trainAndExport() {
    ImageSet images = SyntheticData.images(200, 4);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(50).threads(2).build();
    Path run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), images, images),
            RunDirectory.forNewRun(run));
    version =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            run.resolve("savedmodel"),
            "mlp",
            0);
  }

  @Test
  void badSettingsAndBasesExitTwoWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path halfCopied = Files.createDirectories(dir.resolve("half/1"));
    Files.copy(version.resolve("saved_model.pb"), halfCopied.resolve("saved_model.pb"));
    String[][] cases = {
      {"--model", dir.resolve("missing").toString()},
      {"--model", file.toString()},
      {"--model", empty.toString(), "--port", "0"},
      {"--model", halfCopied.getParent().toString(), "--port", "0"},
      {"--model", empty.toString(), "--port", "70000"},
      {"--model", empty.toString(), "--poll-seconds", "0"},
      {"--model", empty.toString(), "--versions", "newest"},
      {"--model", empty.toString(), "--model-config", file.toString()},
    };
    for (String[] args : cases) {
      // BeanCli.run prints its one line to stderr: the exit code is what is checked here
      assertEquals(2, BeanCli.run(prepend("serve", args)), String.join(" ", args));
    }
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void failedLoadKeepsTheOldVersionAndNewerOnesSwapIn() throws Exception {
    Path base = dir.resolve("lifecycle/mlp");
    copy(version, base.resolve("1"));
    List<String> log = new ArrayList<>();
    ModelServer.Settings settings =
        new ModelServer.Settings(
            "127.0.0.1", 0, Duration.ofMillis(100), 1 << 20, 2, 8, Duration.ofSeconds(5));
    try (ModelServer server =
        ModelServer.start(
            List.of(new ModelConfig("mlp", base, new VersionPolicy.Latest(1))),
            settings,
            false,
            line -> {
              synchronized (log) {
                log.add(line);
              }
            })) {
      URI uri = server.uri();
      assertEquals("AVAILABLE", state(uri, "1"));

      // version 2: complete files, but a saved_model.pb without the 'serve' graph
      copy(version, base.resolve("2"));
      Files.write(base.resolve("2/saved_model.pb"), SavedModel.newBuilder().build().toByteArray());
      JsonNode failed =
          await(uri, s -> s.size() == 2 && s.get(0).get("state").asText().equals("END"));
      assertEquals("2", failed.get(0).get("version").asText());
      assertTrue(
          !failed.get(0).get("status").get("error_code").asText().equals("OK"), failed.toString());
      assertTrue(!failed.get(0).get("status").get("error_message").asText().isEmpty());
      assertEquals("AVAILABLE", failed.get(1).get("state").asText());
      assertEquals(200, predict(uri).statusCode());

      // version 4: a saved_model.pb that does not parse, unchanged over two polls: END, DATA_LOSS
      copy(version, base.resolve("4"));
      Files.writeString(base.resolve("4/saved_model.pb"), "not a protocol buffer");
      JsonNode broken = await(uri, s -> "END".equals(stateIn(s, "4")));
      assertEquals("DATA_LOSS", statusIn(broken, "4"));
      assertEquals("AVAILABLE", stateIn(broken, "1"));
      deleteTree(base.resolve("4"));

      // version 3, complete: swapped in, version 1 unloaded (END, OK)
      copy(version, base.resolve("3"));
      // (for a moment both are AVAILABLE: version 1 is retired after version 3 is swapped in)
      JsonNode swapped =
          await(uri, s -> "AVAILABLE".equals(stateIn(s, "3")) && "END".equals(stateIn(s, "1")));
      assertEquals("OK", statusIn(swapped, "1"));
      HttpResponse<String> answer = predict(uri);
      assertEquals(200, answer.statusCode(), answer.body());

      // version 3 removed: unloaded, and the newest version that loads (1) serves again
      deleteTree(base.resolve("3"));
      await(uri, s -> "AVAILABLE".equals(stateIn(s, "1")) && "END".equals(stateIn(s, "3")));
      assertEquals(200, predict(uri).statusCode());
    }
    synchronized (log) {
      assertTrue(
          log.stream().anyMatch(l -> l.contains("version 2 failed to load")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.contains("version 1 unloaded")), log.toString());
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> predict(URI uri) throws Exception {
    String image =
        "["
            + String.join(
                ",",
                java.util.Collections.nCopies(
                    28, "[" + String.join(",", java.util.Collections.nCopies(28, "[0.5]")) + "]"))
            + "]";
    return HTTP.send(
        HttpRequest.newBuilder(uri.resolve("/v1/models/mlp:predict"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + image + "]}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode status(URI uri) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri.resolve("/v1/models/mlp")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("model_version_status");
  }

  private static String state(URI uri, String version) throws Exception {
    return stateIn(status(uri), version);
  }

  private static String stateIn(JsonNode status, String version) {
    for (JsonNode v : status) {
      if (v.get("version").asText().equals(version)) {
        return v.get("state").asText();
      }
    }
    return null;
  }

  private static String statusIn(JsonNode status, String version) {
    for (JsonNode v : status) {
      if (v.get("version").asText().equals(version)) {
        return v.get("status").get("error_code").asText();
      }
    }
    return null;
  }

  private static JsonNode await(URI uri, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode status = status(uri);
    while (!condition.test(status)) {
      assertTrue(System.nanoTime() < deadline, "timed out; status: " + status);
      Thread.sleep(50);
      status = status(uri);
    }
    return status;
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
