package org.beantf.models.analysis;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.beantf.data.io.Folders;
import org.beantf.models.analysis.RunComparison.ComparedRun;

/**
 * {@code compare.html} and {@code compare.png}: a {@link RunComparison} as one page and one image.
 * The page holds the table, the verdicts, the figures side by side (t-SNE maps by preferred class,
 * population-ablation matrices, correlation heat maps), the commands that reproduce it and links to
 * each run's full report. It is self-contained within its folder: its images are the runs' own
 * analysis plots and compare.png, by relative paths, and it loads nothing from elsewhere.
 */
public final class ComparisonReport {
  /** The page's file name. */
  public static final String HTML = "compare.html";

  /** The image's file name: the page's figures as one PNG. */
  public static final String PNG = "compare.png";

  /** The width each figure is drawn at in compare.png, in pixels (the t-SNE maps' own width). */
  private static final int CELL_WIDTH = 760;

  private static final int HEADER = 96;
  private static final int CAPTION = 40;

  private ComparisonReport() {}

  /**
   * One row of figures: a caption and, per run, its plot file relative to the run's analysis
   * folder.
   */
  private record Panel(String caption, Function<ComparedRun, String> file) {}

  /**
   * Writes compare.html and compare.png into {@code folder}, which holds the runs' analysis folders
   * at the paths the comparison names.
   *
   * @param commands the command lines that reproduce the comparison, shown on the page
   * @throws UncheckedIOException if a plot cannot be read or a file cannot be written
   */
  public static void write(Path folder, RunComparison comparison, List<String> commands) {
    List<Panel> panels = panels(comparison);
    try {
      writePng(folder, comparison, panels);
      Folders.writeAtomically(folder.resolve(HTML), html(comparison, panels, commands));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison into " + folder, e);
    }
  }

  private static List<Panel> panels(RunComparison comparison) {
    String layer = comparison.layer();
    List<Panel> panels = new ArrayList<>();
    panels.add(
        new Panel(
            "t-SNE of the neurons' outgoing weights, coloured by preferred class (Fig. 4): "
                + "assemblies are tight single-colour clusters",
            r -> plot(r, AnalysisPlots.tsnePreferredClassFile(layer))));
    if (comparison.runs().stream().allMatch(r -> r.analysis().ablation() != null)) {
      panels.add(
          new Panel(
              "Population ablation (Fig. 5): change of each class's test accuracy (columns) when the "
                  + "neurons of one class (rows: by preferred class, or by the class of the strongest outgoing weight "
                  + "where that agrees better with the clusters; see each report) are silenced; a dark diagonal means "
                  + "each group serves its class",
              r -> plot(r, AnalysisPlots.ablationFile(layer))));
    }
    String matrix = comparison.runs().get(0).analysis().correlationOrder() == 1 ? "A¹" : "A²";
    String definition = matrix.equals("A¹") ? "A¹ = FFᵀ/M" : "A² = A¹ ⊙ A¹, A¹ = FFᵀ/M";
    panels.add(
        new Panel(
            "Correlation matrix "
                + matrix
                + " ("
                + definition
                + ", F = |tanh(γW)|: how much two "
                + "neurons share outgoing connections), neurons ordered by assembly (Fig. 6a), each on its own colour "
                + "scale: blocks on the diagonal are assemblies; pale rows are neurons with almost no outgoing connection",
            r -> plot(r, AnalysisPlots.correlationFile(layer))));
    return panels;
  }

  private static String plot(ComparedRun run, String file) {
    return run.analysisFolder() + "/plots/" + file;
  }

  static String html(RunComparison comparison, List<Panel> panels, List<String> commands) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escape(comparison.title()))
        .append("</title>\n")
        .append(
            "<style>body{font-family:sans-serif;max-width:1600px;margin:2em auto;padding:0 1em;color:#222}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
        .append("text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append(
            "table.figures td{vertical-align:top;border:none}table.figures img{width:100%;border:1px solid #eee}")
        .append("pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}</style></head><body>\n")
        .append("<h1>Neuronal assemblies: ")
        .append(escape(comparison.title()))
        .append("</h1>\n");
    page.append("<table>\n<tr><th>layer <code>")
        .append(escape(comparison.layer()))
        .append("</code></th>");
    for (ComparedRun run : comparison.runs()) {
      page.append("<th>").append(escape(run.label())).append("</th>");
    }
    page.append("</tr>\n");
    for (List<String> row : comparison.rows()) {
      page.append("<tr><th>").append(escape(row.get(0).strip())).append("</th>");
      for (String value : row.subList(1, row.size())) {
        page.append("<td class=\"n\">").append(escape(value)).append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n<ul>\n");
    for (String verdict : comparison.verdicts()) {
      page.append("<li>").append(escape(verdict)).append("</li>\n");
    }
    page.append("</ul>\n<p><small>Rule: ")
        .append(escape(AssemblyVerdict.RULE))
        .append(
            ". The ablation score is "
                + "the mean test-accuracy drop on a silenced group's own class minus the mean drop on the other classes; "
                + "the null silhouettes come from the same k-means on the weights with their entries shuffled.</small></p>\n");
    page.append("<table class=\"figures\">\n<tr>");
    for (ComparedRun run : comparison.runs()) {
      page.append("<th>")
          .append(escape(run.label()))
          .append(" (<a href=\"")
          .append(escape(run.analysisFolder()))
          .append("/report.html\">full report</a>)</th>");
    }
    page.append("</tr>\n");
    for (Panel panel : panels) {
      page.append("<tr><td colspan=\"")
          .append(comparison.runs().size())
          .append("\">")
          .append(escape(panel.caption()))
          .append(".</td></tr>\n<tr>");
      for (ComparedRun run : comparison.runs()) {
        String file = panel.file().apply(run);
        page.append("<td><img alt=\"")
            .append(escape(file))
            .append("\" src=\"")
            .append(escape(file))
            .append("\"></td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n<p>The same figures as one image: <a href=\"")
        .append(PNG)
        .append("\">")
        .append(PNG)
        .append("</a>.</p>\n<h2>Reproduce</h2>\n<pre>");
    for (String command : commands) {
      page.append(escape(command)).append('\n');
    }
    return page.append("</pre>\n</body></html>\n").toString();
  }

  /**
   * The figures in a grid, one column per run, under a heading with each run's label and verdict.
   */
  private static void writePng(Path folder, RunComparison comparison, List<Panel> panels)
      throws IOException {
    int columns = comparison.runs().size();
    List<List<BufferedImage>> rows = new ArrayList<>();
    int height = HEADER;
    for (Panel panel : panels) {
      List<BufferedImage> images = new ArrayList<>();
      int rowHeight = 0;
      for (ComparedRun run : comparison.runs()) {
        BufferedImage image = read(folder.resolve(panel.file().apply(run)));
        images.add(image);
        rowHeight = Math.max(rowHeight, scaledHeight(image));
      }
      rows.add(images);
      height += CAPTION + rowHeight;
    }
    BufferedImage grid =
        new BufferedImage(columns * CELL_WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
      g.drawString(comparison.title() + ", layer " + comparison.layer(), 16, 30);
      for (int c = 0; c < columns; c++) {
        ComparedRun run = comparison.runs().get(c);
        AssemblyVerdict verdict = run.verdict();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(run.label(), c * CELL_WIDTH + 16, 64);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        g.drawString(
            String.format(
                Locale.ROOT,
                "test accuracy %.4f, assemblies: %s",
                run.testAccuracy(),
                !verdict.measured() ? "no verdict" : verdict.assemblies() ? "yes" : "no"),
            c * CELL_WIDTH + 16,
            86);
      }
      int y = HEADER;
      for (int r = 0; r < rows.size(); r++) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString(shorten(panels.get(r).caption(), g, grid.getWidth() - 32), 16, y + 26);
        y += CAPTION;
        int rowHeight = 0;
        for (int c = 0; c < columns; c++) {
          BufferedImage image = rows.get(r).get(c);
          g.drawImage(image, c * CELL_WIDTH, y, CELL_WIDTH, scaledHeight(image), null);
          rowHeight = Math.max(rowHeight, scaledHeight(image));
        }
        y += rowHeight;
      }
    } finally {
      g.dispose();
    }
    Path temporary = folder.resolve("." + PNG + ".tmp");
    if (!ImageIO.write(grid, "png", temporary.toFile())) {
      throw new IOException("no PNG writer in this JVM");
    }
    Folders.moveIntoPlace(temporary, folder.resolve(PNG));
  }

  private static int scaledHeight(BufferedImage image) {
    return (int) Math.round((double) image.getHeight() * CELL_WIDTH / image.getWidth());
  }

  /** {@code text} cut with an ellipsis to fit {@code width} pixels in the current font. */
  private static String shorten(String text, Graphics2D g, int width) {
    if (g.getFontMetrics().stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && g.getFontMetrics().stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  private static BufferedImage read(Path png) throws IOException {
    if (!Files.isRegularFile(png)) {
      throw new IOException(
          "no plot " + png + " (expected the analysis of the run to have written it)");
    }
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      throw new IOException(png + " is not an image");
    }
    return image;
  }

  private static String escape(String text) {
    return AnalysisReport.escape(text);
  }
}
