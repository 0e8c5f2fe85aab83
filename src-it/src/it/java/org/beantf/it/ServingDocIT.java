package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * docs/SERVING.md's curl blocks marked {@code <!-- test: bean serve -->}, run as written (with
 * {@code localhost:8501} replaced by the address of a {@code bean serve} started here, from the
 * repository's root) against an MLP trained one epoch on real MNIST and served as {@code mlp}; each
 * answer is compared with what {@link BeanModel}, loaded in this JVM on the same version folder,
 * computes.
 */
class ServingDocIT {
  static final String MARKER = "<!-- test: bean serve -->";

  /** The marked blocks SERVING.md has: a doc edit that drops (or adds) one must change this. */
  static final int MARKED_BLOCKS = 7;

  static final double TOLERANCE = 1e-6;
  static final Pattern ADDRESS = Pattern.compile("localhost:8501(/[^\\s'\"|]*)");

  @TempDir static Path dir;

  static ServeProcess server;
  static BeanModel model;
  static float[] pixels;
  static Prediction expected;

  @BeforeAll
  static void serve() throws Exception {
    Path base = ServedMlp.base();
    server = ServedMlp.server();
    model = BeanModel.load(base.resolve("1"));
    pixels = ServedMlp.pixels();
    expected = model.predict(pixels, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (model != null) {
      model.close();
    }
  }

  /** A marked block: its first line's number in SERVING.md and its text. */
  record Block(int line, String script) {
    /** Its lines that run (not bash comments, which show what the answer looks like). */
    String commands() {
      return script
          .lines()
          .filter(l -> !l.strip().startsWith("#"))
          .reduce("", (a, b) -> a + b + "\n");
    }

    /** The paths it calls, in order. */
    List<String> paths() {
      List<String> paths = new ArrayList<>();
      Matcher m = ADDRESS.matcher(commands());
      while (m.find()) {
        paths.add(m.group(1));
      }
      return paths;
    }

    String title() {
      return "SERVING.md line " + line + ": " + commands().lines().findFirst().orElse("");
    }
  }

  static List<Block> markedBlocks() throws Exception {
    List<String> lines = Files.readAllLines(ServedMlp.repositoryRoot().resolve("docs/SERVING.md"));
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals(MARKER)) {
        continue;
      }
      assertTrue(
          i + 1 < lines.size() && lines.get(i + 1).strip().equals("```bash"),
          "SERVING.md line " + (i + 1) + ": a marker is followed by a ```bash fence");
      StringBuilder script = new StringBuilder();
      int j = i + 2;
      while (j < lines.size() && !lines.get(j).strip().equals("```")) {
        script.append(lines.get(j)).append('\n');
        j++;
      }
      assertTrue(j < lines.size(), "SERVING.md line " + (i + 2) + ": the block is closed");
      blocks.add(new Block(i + 3, script.toString()));
      i = j;
    }
    return blocks;
  }

  @Test
  void theDocumentMarksEveryBlockTheTestKnows() throws Exception {
    assertEquals(MARKED_BLOCKS, markedBlocks().size(), "marked blocks in docs/SERVING.md");
  }

  @TestFactory
  Stream<DynamicTest> everyMarkedBlockAnswersAsBeanModelComputes() throws Exception {
    return markedBlocks().stream().map(b -> DynamicTest.dynamicTest(b.title(), () -> check(b)));
  }

  private static void check(Block block) throws Exception {
    assertTrue(block.script().contains("localhost:8501"), "the block calls localhost:8501");
    List<String> paths = block.paths();
    assertFalse(paths.isEmpty(), "the block calls a path");
    String script = block.script().replace("localhost:8501", "127.0.0.1:" + server.port);
    Path stderr = Files.createTempFile(dir, "block-", ".err");
    Process bash =
        new ProcessBuilder("bash", "-c", script)
            .directory(ServedMlp.repositoryRoot().toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    bash.getOutputStream().close();
    byte[] out = bash.getInputStream().readAllBytes();
    assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the block ends within 60 s");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(
        0,
        bash.exitValue(),
        "exit code; stderr: " + Files.readString(stderr) + "\nstdout: " + abbreviate(text));

    if (paths.equals(List.of("/monitoring/prometheus/metrics"))) {
      checkMetrics(text);
      return;
    }
    List<JsonNode> answers =
        ServedMlp.JSON.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll();
    assertEquals(paths.size(), answers.size(), "one JSON answer per call: " + abbreviate(text));
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      JsonNode answer = answers.get(i);
      // the block's output, not answer.toString(): the bean answer is 6 MB to serialise again
      String what = path + " answered " + abbreviate(text);
      if (path.matches("/v1/models/mlp(/versions/1)?")) {
        checkStatus(answer, what);
      } else if (path.matches("/v1/models/mlp(/versions/1)?/metadata")) {
        checkMetadata(answer, what);
      } else if (path.matches("/v1/models/mlp(/versions/1)?:predict")) {
        checkPredict(block.commands(), path, answer, what);
      } else {
        fail(block.title() + ": no rule of ServingDocIT checks a call to " + path);
      }
    }
  }

  private static void checkPredict(String commands, String path, JsonNode answer, String what)
      throws Exception {
    boolean images = commands.contains("docs/serving/mnist-test-0-1.json");
    boolean jq = commands.contains("jq ");
    if (images && !jq && commands.contains("-d @docs/serving/mnist-test-0-1.json")) {
      checkRow(answer, what);
    } else if (images && jq && commands.contains("{inputs: {images: .instances}}")) {
      checkColumnar(answer, what);
    } else if (images
        && jq
        && commands.contains("signature_name: \"bean\"")
        && commands.contains("inputs: .instances")) {
      checkBean(answer, what);
    } else {
      Matcher body = Pattern.compile("-d '([^']*)'").matcher(commands);
      if (!images && body.find()) {
        checkError(path, body.group(1), answer, what);
      } else {
        fail("no rule of ServingDocIT checks this request to " + path + ":\n" + commands);
      }
    }
  }

  static void checkStatus(JsonNode answer, String what) throws Exception {
    JsonNode expectedStatus =
        ServedMlp.JSON.readTree(
            "{\"model_version_status\":[{\"version\":\"1\",\"state\":\"AVAILABLE\","
                + "\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}");
    assertTrue(
        answer.path("model_version_status").path(0).path("version").isTextual(),
        "version is a JSON string: " + what);
    assertEquals(expectedStatus, answer, what);
  }

  static void checkMetadata(JsonNode answer, String what) {
    assertEquals(Set.of("model_spec", "metadata"), names(answer), what);
    JsonNode spec = answer.get("model_spec");
    assertEquals(Set.of("name", "signature_name", "version"), names(spec), what);
    assertEquals("mlp", spec.get("name").textValue(), what);
    assertEquals("", spec.get("signature_name").textValue(), what);
    assertEquals("1", spec.get("version").textValue(), "version as a JSON string: " + what);
    JsonNode signatures = answer.path("metadata").path("signature_def").path("signature_def");
    Map<String, SignatureDef> defs = model.signatureDefs();
    assertTrue(defs.keySet().containsAll(Set.of("serving_default", "bean")), defs.keySet() + "");
    assertEquals(defs.keySet(), names(signatures), what);
    for (var def : defs.entrySet()) {
      String signature = def.getKey();
      JsonNode json = signatures.get(signature);
      assertEquals("tensorflow/serving/predict", def.getValue().getMethodName());
      assertEquals("tensorflow/serving/predict", json.path("method_name").textValue(), signature);
      checkTensors(signature + " inputs", def.getValue().getInputsMap(), json.path("inputs"));
      checkTensors(signature + " outputs", def.getValue().getOutputsMap(), json.path("outputs"));
    }
  }

  private static void checkTensors(String what, Map<String, TensorInfo> infos, JsonNode json) {
    assertEquals(infos.keySet(), names(json), what);
    for (var entry : infos.entrySet()) {
      String tensor = what + " " + entry.getKey();
      TensorInfo info = entry.getValue();
      JsonNode node = json.get(entry.getKey());
      assertEquals(info.getDtype().name(), node.path("dtype").textValue(), tensor + " dtype");
      assertEquals(info.getName(), node.path("name").textValue(), tensor + " name");
      JsonNode dims = node.path("tensor_shape").path("dim");
      List<TensorShapeProto.Dim> protoDims = info.getTensorShape().getDimList();
      assertEquals(protoDims.size(), dims.size(), tensor + " rank: " + node);
      for (int d = 0; d < protoDims.size(); d++) {
        JsonNode size = dims.get(d).path("size");
        assertTrue(size.isTextual(), tensor + " dim " + d + " size is a JSON string: " + node);
        assertEquals(
            Long.toString(protoDims.get(d).getSize()),
            size.textValue(),
            tensor + " dim " + d + ": " + node);
      }
    }
  }

  static void checkRow(JsonNode answer, String what) {
    assertEquals(Set.of("predictions"), names(answer), what);
    JsonNode predictions = answer.get("predictions");
    assertEquals(2, predictions.size(), what);
    for (int i = 0; i < 2; i++) {
      JsonNode p = predictions.get(i);
      assertTrue(p.isObject(), what);
      assertEquals(Set.of("class_ids", "class_names", "logits", "probabilities"), names(p), what);
      long classId = expected.classIds()[i];
      assertTrue(p.get("class_ids").isIntegralNumber(), what);
      assertEquals(classId, p.get("class_ids").longValue(), "image " + i + " class id");
      assertEquals(
          model.classNames().get((int) classId),
          p.get("class_names").textValue(),
          "image " + i + " class name");
      assertFloats(expected.logits()[i], p.get("logits"), "image " + i + " logits");
      assertFloats(
          expected.probabilities()[i], p.get("probabilities"), "image " + i + " probabilities");
    }
  }

  static void checkColumnar(JsonNode answer, String what) {
    assertEquals(Set.of("outputs"), names(answer), what);
    JsonNode outputs = answer.get("outputs");
    assertEquals(
        Set.of("class_ids", "class_names", "logits", "probabilities"), names(outputs), what);
    assertEquals(2, outputs.get("class_ids").size(), what);
    assertEquals(2, outputs.get("class_names").size(), what);
    for (int i = 0; i < 2; i++) {
      long classId = expected.classIds()[i];
      assertTrue(outputs.get("class_ids").get(i).isIntegralNumber(), what);
      assertEquals(classId, outputs.get("class_ids").get(i).longValue(), "image " + i);
      assertEquals(
          model.classNames().get((int) classId),
          outputs.get("class_names").get(i).textValue(),
          "image " + i);
    }
    assertMatrix(expected.logits(), outputs.get("logits"), "logits");
    assertMatrix(expected.probabilities(), outputs.get("probabilities"), "probabilities");
  }

  static void checkBean(JsonNode answer, String what) {
    assertEquals(Set.of("outputs"), names(answer), what);
    JsonNode outputs = answer.get("outputs");
    assertEquals(
        Set.of(
            "activations/hidden", "weights/hidden", "correlation1/hidden", "correlation2/hidden"),
        names(outputs),
        what);
    assertEquals(model.signatureDefs().get("bean").getOutputsMap().keySet(), names(outputs));
    assertMatrix(
        model.activations("hidden", pixels, 2),
        outputs.get("activations/hidden"),
        "activations/hidden");
    assertMatrix(model.weights("hidden"), outputs.get("weights/hidden"), "weights/hidden");
    assertMatrix(
        model.correlation("hidden", 1), outputs.get("correlation1/hidden"), "correlation1/hidden");
    assertMatrix(
        model.correlation("hidden", 2), outputs.get("correlation2/hidden"), "correlation2/hidden");
  }

  /** One {"error": sentence} as curl shows it; the same request again, for its status (400). */
  static void checkError(String path, String body, JsonNode answer, String what) throws Exception {
    ServingErrorsIT.assertErrorBody(answer, what);
    HttpResponse<String> again = server.post(path, body);
    assertEquals(400, again.statusCode(), path + " " + body + ": " + again.body());
    assertEquals(answer, ServedMlp.JSON.readTree(again.body()), "the same answer again");
  }

  /** At least one {@code bean_serving_requests_total{…status="OK",version="1"} N} with N ≥ 1. */
  static void checkMetrics(String text) {
    Pattern sample = Pattern.compile("bean_serving_requests_total\\{([^}]*)\\} (\\S+)");
    int ok = 0;
    for (String line : text.lines().toList()) {
      Matcher m = sample.matcher(line);
      assertTrue(m.matches(), "a bean_serving_requests_total sample: " + line);
      List<String> labels = List.of(m.group(1).split(","));
      if (labels.contains("status=\"OK\"")
          && labels.contains("version=\"1\"")
          && Double.parseDouble(m.group(2)) >= 1) {
        ok++;
      }
    }
    assertTrue(ok >= 1, "a count of OK requests to version 1:\n" + text);
  }

  static Set<String> names(JsonNode node) {
    assertTrue(node != null && node.isObject(), "a JSON object: " + node);
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static void assertFloats(float[] expected, JsonNode actual, String what) {
    assertTrue(actual != null && actual.isArray(), what + ": an array, not " + actual);
    assertEquals(expected.length, actual.size(), what + " length");
    for (int i = 0; i < expected.length; i++) {
      JsonNode value = actual.get(i);
      // compared without building a message per element: the bean block has half a million
      if (!value.isNumber() || !(Math.abs(expected[i] - value.doubleValue()) <= TOLERANCE)) {
        fail(what + "[" + i + "]: expected " + expected[i] + ", served " + value);
      }
    }
  }

  static void assertMatrix(float[][] expected, JsonNode actual, String what) {
    assertTrue(actual != null && actual.isArray(), what + ": an array");
    assertEquals(expected.length, actual.size(), what + " rows");
    for (int r = 0; r < expected.length; r++) {
      assertFloats(expected[r], actual.get(r), what + "[" + r + "]");
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "… (" + text.length() + ")";
  }
}
