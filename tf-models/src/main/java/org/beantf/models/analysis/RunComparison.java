package org.beantf.models.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs of one model compared on one layer, side by side: the table and the sentences that {@code
 * bean demo} prints and {@code compare.html} shows. Every number comes from the runs' {@link
 * LayerAnalysis} (the analysis of {@code bean analyze}) and their test accuracy.
 *
 * @param title what was compared, for the page (for example "LeNet-5 on MNIST, 3 epochs, seed 1")
 * @param layer the layer analysed in every run
 * @param runs the runs, in column order
 */
public record RunComparison(String title, String layer, List<ComparedRun> runs) {

  /**
   * One run of the comparison.
   *
   * @param label the column heading ("vanilla", "BEAN-2")
   * @param analysisFolder the run's analysis folder (analysis.json, plots/, report.html), relative
   *     to the folder that holds the comparison, with '/' as separator
   * @param testAccuracy the trainer's test accuracy, a fraction
   * @param analysis the analysis of {@link RunComparison#layer()}
   */
  public record ComparedRun(
      String label, String analysisFolder, double testAccuracy, LayerAnalysis analysis) {
    /** The verdict of {@link AssemblyVerdict}'s rule on this run's layer. */
    public AssemblyVerdict verdict() {
      return AssemblyVerdict.of(analysis);
    }
  }

  public RunComparison {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one run");
    }
  }

  /** The table's rows: a label, then one formatted value per run. */
  public List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("test accuracy", r -> format("%.4f", r.testAccuracy())));
    rows.add(
        row(
            "silhouette (k-means, k = " + runs.get(0).analysis().k() + ")",
            r -> format("%.3f", r.analysis().silhouette())));
    rows.add(
        row("  shuffled-weights null: mean", r -> format("%.3f", r.analysis().shuffled().mean())));
    rows.add(row("  z against the null", r -> format("%.1f", r.analysis().shuffledZ())));
    rows.add(row("ARI, clusters vs preferred class", r -> format("%.3f", r.analysis().ari())));
    rows.add(
        row(
            "ablation score",
            r ->
                r.analysis().ablation() == null
                    ? "n/a"
                    : format("%.3f", r.analysis().ablation().score())));
    rows.add(row("sparsity (|tanh(γw)| < 0.01)", r -> format("%.3f", r.analysis().sparsity())));
    rows.add(
        row(
            "assemblies",
            r -> !r.verdict().measured() ? "no verdict" : r.verdict().assemblies() ? "yes" : "no"));
    return rows;
  }

  /**
   * The table as aligned text: a heading line with the layer and the labels, then {@link #rows()}.
   */
  public String table() {
    List<List<String>> lines = new ArrayList<>();
    List<String> heading = new ArrayList<>();
    LayerAnalysis first = runs.get(0).analysis();
    heading.add("layer " + layer + " (" + first.n() + " → " + first.m() + ")");
    runs.forEach(r -> heading.add(r.label()));
    lines.add(heading);
    lines.addAll(rows());
    int[] widths = new int[heading.size()];
    for (List<String> line : lines) {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      StringBuilder row = new StringBuilder(pad(line.get(0), widths[0], false));
      for (int c = 1; c < line.size(); c++) {
        row.append("   ").append(pad(line.get(c), widths[c], true));
      }
      text.append(row.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** One line per run: its label and the verdict's sentence. */
  public List<String> verdicts() {
    return runs.stream().map(r -> r.label() + ": " + r.verdict().sentence()).toList();
  }

  private List<String> row(String label, Function<ComparedRun, String> value) {
    List<String> row = new ArrayList<>();
    row.add(label);
    runs.forEach(r -> row.add(value.apply(r)));
    return row;
  }

  private static String format(String pattern, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, pattern, value) : "n/a";
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }
}
