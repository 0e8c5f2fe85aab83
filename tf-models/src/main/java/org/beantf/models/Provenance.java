package org.beantf.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.TensorFlow;

/**
 * Where a result was computed, as far as its bits depend on it: the CPU model, the vector
 * extensions that oneDNN and Eigen pick their kernels by, whether oneDNN's kernels were on, and the
 * TensorFlow version. Results are bit-identical for one of these, not across them (a few-shot cell
 * rerun on a CPU with AVX-512 VNNI gave 0.4248 where the store held 0.4270): every result records
 * it, and nothing compares it as a setting.
 *
 * @param cpu /proc/cpuinfo's model name (the JVM's architecture elsewhere)
 * @param vectorExtensions the CPU flags starting avx, fma, sse4 or amx, sorted
 * @param onednn whether {@code TF_ENABLE_ONEDNN_OPTS=1} was set (off when unset, in TF Java 1.1.0)
 * @param tensorflow the native library's version
 */
public record Provenance(
    String cpu, List<String> vectorExtensions, boolean onednn, String tensorflow) {

  public Provenance {
    vectorExtensions = List.copyOf(vectorExtensions);
  }

  /** This process's (reads /proc/cpuinfo once per call; loads TensorFlow). */
  public static Provenance current() {
    String model = System.getProperty("os.arch");
    List<String> extensions = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name") && model.equals(System.getProperty("os.arch"))) {
          model = line.substring(line.indexOf(':') + 1).strip();
        } else if (line.startsWith("flags") && extensions.isEmpty()) {
          Arrays.stream(line.substring(line.indexOf(':') + 1).strip().split(" "))
              .filter(
                  f ->
                      f.startsWith("avx")
                          || f.startsWith("fma")
                          || f.startsWith("sse4")
                          || f.startsWith("amx"))
              .sorted()
              .distinct()
              .forEach(extensions::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the architecture stands for the model, without extensions
    }
    return new Provenance(
        model,
        extensions,
        "1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS")),
        TensorFlow.version());
  }

  /** "AMD EPYC | avx avx2 fma sse4_1 sse4_2 sse4a | onednn 1": what picks the kernels. */
  public String kernelPath() {
    return cpu + " | " + String.join(" ", vectorExtensions) + " | onednn " + (onednn ? 1 : 0);
  }

  /** The kernel path and the TensorFlow version, for a note. */
  public String describe() {
    return kernelPath() + " | TensorFlow " + tensorflow;
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("cpu", cpu);
    vectorExtensions.forEach(json.putArray("vector_extensions")::add);
    return json.put("onednn", onednn).put("tensorflow_version", tensorflow);
  }

  /** The provenance a result line or run recorded, or null when it has none (made before). */
  public static Provenance fromJson(JsonNode json) {
    if (json == null || !json.has("cpu")) {
      return null;
    }
    List<String> extensions = new ArrayList<>();
    json.path("vector_extensions").forEach(e -> extensions.add(e.asText()));
    return new Provenance(
        json.get("cpu").asText(),
        extensions,
        json.path("onednn").asBoolean(),
        json.path("tensorflow_version").asText());
  }
}
