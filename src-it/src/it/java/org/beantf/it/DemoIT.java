package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beantf.cli.BeanCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bean demo} with its defaults on real MNIST (LeNet-5, 3 epochs, vanilla against BEAN-2):
 * BEAN-2's last dense layer has assemblies by the project's rule and vanilla's has not, so a
 * regression in BEAN shows here.
 */
class DemoIT {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path dir;

  private static Path out;
  private static String printed;

  @BeforeAll
  static void runTheDemo() {
    out = dir.resolve("demo");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = BeanCli.run("demo", "--out", out.toString());
    } finally {
      System.setOut(original);
    }
    printed = captured.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertEquals(0, exit);
  }

  @Test
  void beanTwoHasAssembliesAndVanillaHasNot() throws Exception {
    JsonNode bean = fc2("bean2");
    JsonNode vanilla = fc2("vanilla");
    assertTrue(
        bean.get("ablation_score").asDouble() >= 0.9,
        "BEAN-2 ablation score " + bean.get("ablation_score"));
    assertTrue(
        bean.get("shuffled_silhouette_z").asDouble() >= 3,
        "BEAN-2 z " + bean.get("shuffled_silhouette_z"));
    assertTrue(
        vanilla.get("ablation_score").asDouble() <= 0.5,
        "vanilla ablation " + vanilla.get("ablation_score"));
    assertTrue(printed.contains("\nassemblies  "), printed);
    assertTrue(Pattern.compile("(?m)^assemblies\\s+no\\s+yes$").matcher(printed).find(), printed);
    assertTrue(printed.contains("vanilla: fc2 (84 neurons) has no assemblies"), printed);
    assertTrue(printed.contains("): fc2 (84 neurons) has neuronal assemblies"), printed);
  }

  @Test
  void theSavedModelReloadsWithTheTrainersAccuracy() throws Exception {
    assertTrue(Files.isRegularFile(out.resolve("bean2/savedmodel/lenet5/1/saved_model.pb")));
    assertTrue(
        printed.contains("with BeanModel: test accuracy ")
            && printed.contains("as the trainer measured"),
        printed);
    double trained =
        new ObjectMapper()
            .readTree(out.resolve("bean2/report.json").toFile())
            .get("test_accuracy")
            .asDouble();
    assertTrue(
        printed.contains(String.format(Locale.ROOT, "test accuracy %.4f (", trained)), printed);
  }

  @Test
  void everyImageOfComparePageIsANonEmptyPng() throws Exception {
    String html = Files.readString(out.resolve("compare.html"));
    List<String> images = new ArrayList<>();
    Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      images.add(m.group(1));
    }
    assertEquals(6, images.size(), "t-SNE, ablation and A² of both runs: " + images);
    images.add("compare.png");
    for (String image : images) {
      Path file = out.resolve(image);
      assertTrue(Files.size(file) > 0, image);
      assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(file), 8), image);
    }
    for (String report : List.of("vanilla/analysis/report.html", "bean2/analysis/report.html")) {
      assertTrue(html.contains("href=\"" + report + "\""), report);
      assertTrue(Files.isRegularFile(out.resolve(report)), report);
    }
  }

  @Test
  void nothingButTheOutputFolderIsLeft() throws Exception {
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(
          List.of("demo"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder");
    }
    try (Stream<Path> inside = Files.list(out)) {
      assertEquals(
          List.of("bean2", "compare.html", "compare.png", "vanilla"),
          inside.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private static JsonNode fc2(String run) throws Exception {
    return new ObjectMapper()
        .readTree(out.resolve(run).resolve("analysis/analysis.json").toFile())
        .get("layers")
        .get("fc2");
  }
}
