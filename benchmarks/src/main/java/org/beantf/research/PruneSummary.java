package org.beantf.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Summarises the pruning experiment (scripts/prune-grid.sh) as markdown and one plot: per dataset
 * and model, one row per regularizer with the unpruned test accuracy and, at each sparsity, the
 * test accuracy after magnitude pruning and the dense parameters left (means over the seeds
 * present); the plot draws accuracy against dense parameters left, one line per regularizer.
 *
 * <pre>
 * java -cp "benchmarks/target/bean-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *     org.beantf.research.PruneSummary docs/results/prune [pruning.png]</pre>
 */
public final class PruneSummary {
  private static final List<String> SETTINGS =
      List.of("vanilla", "l2", "l1", "dropout", "bean1", "bean2");

  private PruneSummary() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "docs/results/prune");
    Map<String, Map<String, Map<String, List<JsonNode>>>> cells = read(root);
    System.out.print(table(cells));
    if (args.length > 1) {
      plot(cells, Path.of(args[1]));
    }
  }

  /** dataset/model → setting → pruning label ("s0.9", "s0.9-ft1") → pruning.json per seed. */
  static Map<String, Map<String, Map<String, List<JsonNode>>>> read(Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, Map<String, List<JsonNode>>>> cells = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("pruning-")).sorted().toList()) {
        Path run = file.getParent();
        String cell =
            run.getParent().getParent().getFileName() + "/" + run.getParent().getFileName();
        String setting = run.getFileName().toString().replaceFirst("-s\\d+$", "");
        String label =
            file.getFileName().toString().replaceFirst("^pruning-", "").replace(".json", "");
        cells
            .computeIfAbsent(cell, c -> new TreeMap<>(PruneSummary::compareSettings))
            .computeIfAbsent(setting, s -> new TreeMap<>(PruneSummary::compareLabels))
            .computeIfAbsent(label, l -> new ArrayList<>())
            .add(json.readTree(file.toFile()));
      }
    }
    return cells;
  }

  private static int compareSettings(String a, String b) {
    int ra = SETTINGS.indexOf(a);
    int rb = SETTINGS.indexOf(b);
    return ra != rb ? Integer.compare(ra < 0 ? 99 : ra, rb < 0 ? 99 : rb) : a.compareTo(b);
  }

  /** By sparsity, then without fine-tuning before with. */
  private static int compareLabels(String a, String b) {
    int bySparsity = Double.compare(sparsity(a), sparsity(b));
    return bySparsity != 0 ? bySparsity : a.compareTo(b);
  }

  private static double sparsity(String label) {
    return Double.parseDouble(label.substring(1).replaceFirst("-ft\\d+$", ""));
  }

  static String table(Map<String, Map<String, Map<String, List<JsonNode>>>> cells) {
    StringBuilder out = new StringBuilder();
    cells.forEach(
        (cell, settings) -> {
          List<String> labels =
              settings.values().stream()
                  .flatMap(m -> m.keySet().stream())
                  .distinct()
                  .sorted(PruneSummary::compareLabels)
                  .toList();
          out.append("\n#### ")
              .append(cell)
              .append(
                  "\n\nTest accuracy after pruning each BEAN layer's W to the sparsity named (ft1: then one epoch"
                      + " of masked fine-tuning), with the dense parameters left as a fraction of the"
                      + " unpruned model's in brackets; means over the seeds present.\n\n| setting | seeds |"
                      + " unpruned | ")
              .append(String.join(" | ", labels))
              .append(" |\n|---|---|---|")
              .append("---|".repeat(labels.size()))
              .append('\n');
          settings.forEach(
              (setting, byLabel) -> {
                List<JsonNode> any = byLabel.values().iterator().next();
                out.append("| ")
                    .append(setting)
                    .append(" | ")
                    .append(any.size())
                    .append(" | ")
                    .append(
                        format(mean(any, n -> n.get("test_accuracy").get("before").asDouble())));
                for (String label : labels) {
                  List<JsonNode> runs = byLabel.get(label);
                  out.append(" | ");
                  if (runs == null) {
                    out.append("–");
                    continue;
                  }
                  out.append(format(mean(runs, PruneSummary::finalAccuracy)))
                      .append(" (")
                      .append(format(mean(runs, PruneSummary::denseLeft)))
                      .append(')');
                }
                out.append(" |\n");
              });
        });
    return out.toString();
  }

  /** The accuracy the pruned model ends with: after fine-tuning when there was some. */
  private static double finalAccuracy(JsonNode n) {
    JsonNode accuracy = n.get("test_accuracy");
    return accuracy.get("fine_tuned").isNull()
        ? accuracy.get("pruned").asDouble()
        : accuracy.get("fine_tuned").asDouble();
  }

  private static double denseLeft(JsonNode n) {
    return n.get("after").get("dense_parameters").asDouble()
        / n.get("before").get("dense_parameters").asDouble();
  }

  /** Accuracy against dense parameters left, without fine-tuning: one panel per cell. */
  static void plot(Map<String, Map<String, Map<String, List<JsonNode>>>> cells, Path png)
      throws IOException {
    List<XYChart> panels = new ArrayList<>();
    cells.forEach(
        (cell, settings) -> {
          XYChart chart =
              new XYChartBuilder()
                  .width(PanelGrid.WIDTH)
                  .height(PanelGrid.HEIGHT)
                  .title(cell + ": magnitude pruning, no fine-tuning")
                  .xAxisTitle("dense parameters left (fraction)")
                  .yAxisTitle("test accuracy")
                  .build();
          chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
          settings.forEach(
              (setting, byLabel) -> {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                byLabel.forEach(
                    (label, runs) -> {
                      if (!label.contains("-ft")) {
                        x.add(mean(runs, PruneSummary::denseLeft));
                        y.add(mean(runs, PruneSummary::finalAccuracy));
                      }
                    });
                if (!x.isEmpty()) {
                  chart.addSeries(setting, x, y);
                }
              });
          if (!chart.getSeriesMap().isEmpty()) {
            panels.add(chart);
          }
        });
    PanelGrid.write(panels, png);
  }

  private static double mean(List<JsonNode> runs, java.util.function.ToDoubleFunction<JsonNode> f) {
    return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
