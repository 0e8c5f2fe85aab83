package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.beantf.cli.BeanCli;
import org.beantf.models.Provenance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training gives the same weights as before the redesign of issue 14 (commit d125853): two pinned
 * commands, their weights.npy SHA-256 recorded on one CPU and kernel set. On that CPU the files
 * must be byte-identical; elsewhere (other vector extensions round differently, README "CPU
 * performance: oneDNN") the test accuracy must stay within 0.3 point of the recorded one.
 */
class PinnedWeightsIT {
  /**
   * The machine the hashes were recorded on: /proc/cpuinfo's model, its vector extensions, and
   * oneDNN on.
   */
  private static final String RECORDED_ON =
      "AMD EPYC | avx avx2 fma sse4_1 sse4_2 sse4a | onednn 1";

  record Pinned(String args, double accuracy, Map<String, String> sha256) {}

  static List<Pinned> pinned() {
    return List.of(
        new Pinned(
            "--model mlp --dataset mnist --reg bean2 --epochs 1 --seed 7",
            0.949,
            Map.of("hidden", "732b58a913935ffa6d19ebecc628e1efffa006d949fc82c7c0ee6e6422d1b475")),
        new Pinned(
            "--model lenet5 --dataset mnist --reg bean1,dropout --epochs 1 --seed 3",
            0.9785,
            Map.of(
                "flatten", "f43d5f06e7d9988f9f9abdbf037655bdefcf6b1dc68c0ca49556439e77b8789b",
                "fc1", "8708779449416fd07a7f29baf9f82f7badec529a239b2d0562b904871a69c3ef",
                "fc2", "f94ce11c5960fa6234d3d9eebd5012543ee528c1c44b19205f89c767cedd558c")));
  }

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("pinned")
  void trainingGivesThePinnedWeights(Pinned run) throws Exception {
    Path out = dir.resolve("run");
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(Arrays.asList(run.args().split(" ")));
    args.addAll(List.of("--out", out.toString()));
    assertEquals(0, BeanCli.run(args.toArray(String[]::new)));
    double accuracy =
        new ObjectMapper()
            .readTree(out.resolve("report.json").toFile())
            .get("test_accuracy")
            .asDouble();
    if (machine().equals(RECORDED_ON)) {
      System.out.println("PinnedWeightsIT: weights compared byte for byte on " + machine());
      for (Map.Entry<String, String> layer : run.sha256().entrySet()) {
        assertEquals(
            layer.getValue(),
            sha256(out.resolve("layers").resolve(layer.getKey()).resolve("weights.npy")),
            layer.getKey() + " of " + run.args());
      }
      assertEquals(run.accuracy(), accuracy, 0.0, run.args());
    } else {
      System.out.println(
          "PinnedWeightsIT: " + machine() + " is not the recording machine; accuracy compared");
      assertTrue(
          Math.abs(accuracy - run.accuracy()) <= 0.003,
          run.args()
              + " on "
              + machine()
              + ": accuracy "
              + accuracy
              + " against "
              + run.accuracy()
              + " recorded on "
              + RECORDED_ON);
    }
  }

  /** This machine as {@link #RECORDED_ON} describes one. */
  static String machine() {
    return Provenance.current().kernelPath();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
