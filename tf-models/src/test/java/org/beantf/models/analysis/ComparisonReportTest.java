package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetSpec;
import org.beantf.models.analysis.RunComparison.ComparedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare.html and compare.png over two runs' real analysis folders (plots written by
 * AnalysisFolder).
 */
class ComparisonReportTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void everyImageAndLinkOfThePageIsAFileBesideIt() throws Exception {
    RunComparison comparison = comparison(SmallAnalysis.diagonalAblation());
    ComparisonReport.write(dir, comparison, List.of("bean demo --out <here>"));

    String html = Files.readString(dir.resolve(ComparisonReport.HTML));
    List<String> images = attributes(html, "src");
    assertEquals(6, images.size(), "t-SNE, ablation and A² of two runs: " + images);
    for (String image : images) {
      Path file = dir.resolve(image);
      assertTrue(Files.size(file) > 0, image);
      assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(file), 8), image);
    }
    List<String> links = attributes(html, "href");
    assertEquals(
        List.of("vanilla/analysis/report.html", "bean2/analysis/report.html", "compare.png"),
        links);
    links.forEach(link -> assertTrue(Files.isRegularFile(dir.resolve(link)), link));
    assertFalse(html.contains("http"), "nothing from elsewhere");
    assertTrue(html.contains("bean demo --out &lt;here&gt;"), "the commands, escaped");
    assertTrue(html.contains("<td class=\"n\">yes</td>"), "the table");
    assertTrue(html.contains(AssemblyVerdict.RULE), "the rule");
  }

  @Test
  void theImageHasOneColumnPerRunAndOneRowPerFigure() throws Exception {
    ComparisonReport.write(dir, comparison(SmallAnalysis.diagonalAblation()), List.of());
    BufferedImage png = ImageIO.read(dir.resolve(ComparisonReport.PNG).toFile());
    assertNotNull(png);
    assertEquals(2 * 760, png.getWidth());
    BufferedImage tsne =
        ImageIO.read(
            dir.resolve("vanilla/analysis/plots/hidden-tsne-preferred-class.png").toFile());
    assertTrue(png.getHeight() > 3 * tsne.getHeight(), "three rows of figures: " + png.getHeight());
  }

  @Test
  void withoutAblationTheAblationRowIsLeftOut() throws Exception {
    ComparisonReport.write(dir, comparison(null), List.of());
    List<String> images = attributes(Files.readString(dir.resolve(ComparisonReport.HTML)), "src");
    assertEquals(4, images.size(), images.toString());
    assertTrue(images.stream().noneMatch(i -> i.contains("ablation")), images.toString());
  }

  @Test
  void aMissingPlotIsAnErrorNamingIt() {
    RunComparison comparison =
        new RunComparison(
            "t",
            "hidden",
            List.of(
                new ComparedRun("vanilla", "nowhere/analysis", 0.9, SmallAnalysis.of(null, 0.1))));
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> ComparisonReport.write(dir, comparison, List.of()));
    assertTrue(
        e.getCause().getMessage().contains("hidden-tsne-preferred-class.png"),
        e.getCause().getMessage());
    assertFalse(Files.exists(dir.resolve(ComparisonReport.HTML)));
  }

  private RunComparison comparison(PopulationAblation ablation) {
    List<ComparedRun> runs = new ArrayList<>();
    for (String run : List.of("vanilla", "bean2")) {
      LayerAnalysis analysis = SmallAnalysis.of(ablation, 0.05);
      AnalysisTarget target =
          new AnalysisTarget(
              run,
              Map.of("run", run),
              DatasetSpec.of(DatasetId.MNIST),
              List.of("hidden"),
              1,
              2,
              10,
              () -> {
                throw new AssertionError("the writers never open the layers");
              });
      AnalysisFolder.write(
          dir.resolve(run).resolve("analysis"),
          target,
          "bean analyze --run " + run,
          List.of(analysis));
      runs.add(new ComparedRun(run, run + "/analysis", 0.98, analysis));
    }
    return new RunComparison("LeNet-5 on MNIST", "hidden", runs);
  }

  private static List<String> attributes(String html, String name) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }
}
