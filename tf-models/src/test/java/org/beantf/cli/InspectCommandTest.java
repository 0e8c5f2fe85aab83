package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bean inspect}: its files, its one JSON line against hand-computed values, and its bad
 * inputs.
 */
class InspectCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir Path dir;

  private Path npy(String name, int rows, int cols, float... values) {
    Path file = dir.resolve(name);
    Npy.writeFloat32(file, NpyMatrix.of(rows, cols, values));
    return file;
  }

  private int inspect(String... args) {
    return BeanCli.run(concat(new String[] {"inspect"}, args));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void writesBothCorrelationsAndPrintsTheLossesOnOneLine() throws Exception {
    // Two neurons, one outgoing weight each: f = tanh(1) and tanh(2); two samples.
    Path w = npy("W.npy", 2, 1, 1f, 2f);
    Path h = npy("H.npy", 2, 2, 0f, 1f, 3f, 1f);
    Path result = dir.resolve("out");
    assertEquals(
        0,
        inspect(
            "--weights", w.toString(), "--activations", h.toString(), "--out", result.toString()),
        streams.err());

    double f1 = Math.tanh(1);
    double f2 = Math.tanh(2);
    NpyMatrix a1 = Npy.read(result.resolve("correlation1.npy"));
    NpyMatrix a2 = Npy.read(result.resolve("correlation2.npy"));
    assertEquals(f1 * f2, a1.get(0, 1), 1e-6);
    assertEquals(f2 * f2, a1.get(1, 1), 1e-6);
    assertEquals(f1 * f1 * f2 * f2, a2.get(1, 0), 1e-6);

    List<String> lines = streams.out().lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertEquals(List.of("n", "m", "s", "gamma", "normalization", "loss"), fieldNames(json));
    assertEquals(2, json.get("n").asInt());
    assertEquals(1, json.get("m").asInt());
    assertEquals(2, json.get("s").asInt());
    assertEquals("paper", json.get("normalization").asText());
    // L = 1/(S N²) Σ_s Σ_ij A_ij d: only the pairs (0,1) and (1,0) differ, by 1 and by 2.
    double a12 = f1 * f2;
    JsonNode loss = json.get("loss");
    assertEquals(2 * a12 * (1 + 4) / 8, loss.get("bean1_squared").asDouble(), 1e-6);
    assertEquals(2 * a12 * a12 * (1 + 4) / 8, loss.get("bean2_squared").asDouble(), 1e-6);
    assertEquals(2 * a12 * (1 + 2) / 8, loss.get("bean1_absolute").asDouble(), 1e-6);
    assertEquals(2 * a12 * a12 * (1 + 2) / 8, loss.get("bean2_absolute").asDouble(), 1e-6);
  }

  @Test
  void withoutActivationsThereIsNoLossAndNoSampleCount() throws Exception {
    Path w = npy("W.npy", 3, 2, 1, 2, 3, 4, 5, 6);
    assertEquals(
        0,
        inspect(
            "--weights",
            w.toString(),
            "--normalization",
            "none",
            "--gamma",
            "0.5",
            "--out",
            dir.resolve("out").toString()));
    JsonNode json = new ObjectMapper().readTree(streams.out().strip());
    assertEquals(List.of("n", "m", "gamma", "normalization"), fieldNames(json));
    assertEquals(0.5, json.get("gamma").asDouble());
    NpyMatrix a1 = Npy.read(dir.resolve("out/correlation1.npy"));
    double expected =
        Math.tanh(0.5) * Math.tanh(1.5) + Math.tanh(1.0) * Math.tanh(2.0); // no 1/M under none
    assertEquals(expected, a1.get(0, 1), 1e-6);
  }

  @Test
  void activationsWithTheWrongNeuronCountAreOneLineAndNothingIsWritten() {
    Path w = npy("W.npy", 3, 2, 1, 2, 3, 4, 5, 6);
    Path h = npy("H.npy", 1, 2, 1, 2);
    Path result = dir.resolve("out");
    assertEquals(
        BeanCli.BAD_INPUT,
        inspect(
            "--weights", w.toString(), "--activations", h.toString(), "--out", result.toString()));
    assertEquals(
        "bean: --activations "
            + h
            + ": 2 columns (expected N = 3, one per row of --weights "
            + w
            + ")",
        streams.err().strip());
    assertFalse(Files.exists(result));
  }

  @Test
  void nonFiniteWeightsAreNamedWithTheirPlace() {
    Path w = npy("W.npy", 2, 2, 1, 2, Float.POSITIVE_INFINITY, 4);
    assertEquals(
        BeanCli.BAD_INPUT,
        inspect("--weights", w.toString(), "--out", dir.resolve("out").toString()));
    assertEquals(
        "bean: --weights " + w + ": Infinity at [1, 0] (expected finite numbers)",
        streams.err().strip());
  }

  @Test
  void aNonEmptyOutFolderIsRefused() throws Exception {
    Path w = npy("W.npy", 1, 1, 1);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/keep.txt"), "mine");
    assertEquals(
        BeanCli.BAD_INPUT,
        inspect("--weights", w.toString(), "--out", dir.resolve("out").toString()));
    assertTrue(streams.err().contains("folder is not empty"));
    assertEquals("mine", Files.readString(dir.resolve("out/keep.txt")));
  }

  @Test
  void aWeightFileThatIsNotTwoDimensionalIsOneLine() throws Exception {
    Path w = dir.resolve("W.npy");
    Files.write(w, "not an npy file at all".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        BeanCli.BAD_INPUT,
        inspect("--weights", w.toString(), "--out", dir.resolve("out").toString()));
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith("bean: " + w + ": bad magic"), message);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
