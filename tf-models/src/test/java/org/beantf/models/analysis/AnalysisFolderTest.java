package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder: analysis.json, one readable PNG per figure, and a report that embeds them all.
 */
class AnalysisFolderTest {
  private static final AnalysisTarget TARGET =
      new AnalysisTarget(
          "runs/a",
          Map.of("model", "mlp <500>"),
          DatasetSpec.of(DatasetId.MNIST),
          List.of("hidden"),
          1,
          2,
          10,
          () -> {
            throw new AssertionError("the writers never open the layers");
          });

  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void writesTheJsonEveryPlotAndASelfContainedReport() throws Exception {
    AnalysisFolder.write(
        dir,
        TARGET,
        "bean analyze --run runs/a --layer hidden",
        List.of(SmallAnalysis.of(SmallAnalysis.diagonalAblation(), 0.05)));

    assertTrue(Files.isRegularFile(dir.resolve("analysis.json")));
    List<String> plots = plots();
    assertEquals(
        List.of(
            "hidden-ablation.png",
            "hidden-class-activation.png",
            "hidden-connectivity.png",
            "hidden-correlation.png",
            "hidden-outgoing.png",
            "hidden-tsne-assemblies.png",
            "hidden-tsne-preferred-class.png",
            "hidden-tsne-strongest-outgoing.png"),
        plots);
    for (String plot : plots) {
      BufferedImage image = ImageIO.read(dir.resolve("plots").resolve(plot).toFile());
      assertNotNull(image, plot);
      assertTrue(image.getWidth() >= 300 && image.getHeight() >= 300, plot);
    }
    BufferedImage grid = ImageIO.read(dir.resolve("plots/hidden-class-activation.png").toFile());
    assertTrue(grid.getWidth() > grid.getHeight(), "one panel per class, side by side");

    String html = Files.readString(dir.resolve("report.html"));
    assertEquals(plots.size(), html.split("src=\"data:image/png;base64,", -1).length - 1);
    assertFalse(html.contains("src=\"plots/"), "no file references");
    assertTrue(html.contains("bean analyze --run runs/a --layer hidden"));
    assertTrue(html.contains("mlp &lt;500&gt;"), "escaped");
    assertTrue(html.contains("<td class=\"n\">0.9100</td>"), "the silhouette beside the plots");
    assertTrue(html.contains("<td class=\"n\">0.9500</td>"), "the silhouette on the t-SNE map");
    assertTrue(
        html.contains("<td class=\"n\">0.9200 ± 0.0283, max 0.9400 (2 seeds)</td>"),
        "the paper-style silhouette");
    assertTrue(
        html.contains("<td class=\"n\">0.5250 ± 0.0354, max 0.5500 (2 seeds)</td>"), "its floor");
  }

  @Test
  void withoutAblationThereIsNoAblationPlotAndTheReportSaysWhy() throws Exception {
    AnalysisFolder.write(
        dir,
        TARGET,
        "bean analyze --model m --dataset mnist --out o",
        List.of(SmallAnalysis.of(null, 0)));
    assertFalse(plots().contains("hidden-ablation.png"));
    assertEquals(7, plots().size());
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("not measured (a SavedModel cannot silence neurons)"));
    assertTrue(html.contains("<td class=\"n\">n/a</td>"), "z without a spread");
  }

  private List<String> plots() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("plots"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
