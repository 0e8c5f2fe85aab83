package org.beantf.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Summarises the assembly-accuracy frontier (scripts/frontier-grid.sh) as markdown and one plot:
 * per model, one row per setting, initialisation and training length, with the mean over the seeds
 * present of the test accuracy (report.json) and of the last dense layer's numbers (analysis.json),
 * with the seeds' range beside the mean of test accuracy and both silhouettes; the plot puts test
 * accuracy against both silhouettes, one panel per model and silhouette, one series per setting and
 * training length (circles 50 epochs, diamonds 5).
 *
 * <pre>
 * java -cp "benchmarks/target/bean-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *     org.beantf.research.FrontierSummary docs/results/frontier [frontier.png]</pre>
 */
public final class FrontierSummary {
  /** A run folder: setting-init-eEPOCHS-sSEED. */
  private static final Pattern RUN = Pattern.compile("(.+)-(glorot|pytorch)-e(\\d+)-s(\\d+)");

  private FrontierSummary() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "docs/results/frontier");
    Map<String, Map<String, List<Run>>> models = read(root);
    System.out.print(table(models));
    if (args.length > 1) {
      plot(models, Path.of(args[1]));
    }
  }

  /** One finished run: its report and, once analysed, its last dense layer's analysis. */
  record Run(String setting, String init, int epochs, JsonNode report, JsonNode layer) {
    String key() {
      return String.format(Locale.ROOT, "%s|%s|%03d", setting, init, epochs);
    }
  }

  /** model → row key → runs (seeds), rows in setting, init, epochs order. */
  static Map<String, Map<String, List<Run>>> read(Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, List<Run>>> models = new TreeMap<>();
    try (Stream<Path> modelDirs = Files.list(root)) {
      for (Path model : modelDirs.filter(Files::isDirectory).sorted().toList()) {
        Map<String, List<Run>> rows = new TreeMap<>(FrontierSummary::compareKeys);
        try (Stream<Path> runs = Files.list(model)) {
          for (Path dir : runs.filter(Files::isDirectory).sorted().toList()) {
            Matcher m = RUN.matcher(dir.getFileName().toString());
            if (!m.matches() || !Files.isRegularFile(dir.resolve("report.json"))) {
              continue;
            }
            JsonNode layer = null;
            if (Files.isRegularFile(dir.resolve("analysis.json"))) {
              JsonNode layers = json.readTree(dir.resolve("analysis.json").toFile()).get("layers");
              layer = layers.elements().next();
            }
            Run run =
                new Run(
                    m.group(1),
                    m.group(2),
                    Integer.parseInt(m.group(3)),
                    json.readTree(dir.resolve("report.json").toFile()),
                    layer);
            rows.computeIfAbsent(run.key(), k -> new ArrayList<>()).add(run);
          }
        }
        models.put(model.getFileName().toString(), rows);
      }
    }
    return models;
  }

  /** vanilla first, then the others by name; then init; then epochs. */
  private static int compareKeys(String a, String b) {
    boolean va = a.startsWith("vanilla|");
    boolean vb = b.startsWith("vanilla|");
    return va != vb ? (va ? -1 : 1) : a.compareTo(b);
  }

  static String table(Map<String, Map<String, List<Run>>> models) {
    Map<String, ToDoubleFunction<Run>> columns = new LinkedHashMap<>();
    columns.put("test accuracy", r -> r.report().get("test_accuracy").asDouble());
    columns.put("silhouette on W", r -> layerNumber(r, "silhouette"));
    columns.put("paper-style silhouette", r -> paper(r, "weights"));
    columns.put("its floor", r -> paper(r, "floor"));
    columns.put("ARI preferred", r -> layerNumber(r, "ari_clusters_vs_preferred"));
    columns.put("ARI strongest", r -> layerNumber(r, "ari_clusters_vs_strongest_outgoing"));
    columns.put("negative share", r -> layerNumber(r, "negative_fraction"));
    columns.put("ablation score", r -> layerNumber(r, "ablation_score"));
    columns.put("sparsity", r -> layerNumber(r, "sparsity"));
    // the columns the frontier is read from: their seeds' range is shown too
    List<String> ranged = List.of("test accuracy", "silhouette on W", "paper-style silhouette");
    StringBuilder out = new StringBuilder();
    models.forEach(
        (model, rows) -> {
          out.append("\n#### ")
              .append(model)
              .append("\n\n| setting | init | epochs | seeds | ")
              .append(String.join(" | ", columns.keySet()))
              .append(" | ablation groups |\n|---|---|---|---|")
              .append("---|".repeat(columns.size() + 1))
              .append('\n');
          rows.values()
              .forEach(
                  runs -> {
                    Run first = runs.get(0);
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %s",
                            first.setting(),
                            first.init(),
                            first.epochs(),
                            seeds(runs)));
                    columns.forEach(
                        (name, column) ->
                            out.append(" | ")
                                .append(
                                    ranged.contains(name)
                                        ? withRange(runs, column)
                                        : format(mean(runs, column))));
                    out.append(" | ")
                        .append(
                            String.join(
                                ", ",
                                runs.stream()
                                    .map(
                                        r ->
                                            r.layer() == null
                                                ? "n/a"
                                                : r.layer().get("ablation_groups").asText())
                                    .distinct()
                                    .toList()))
                        .append(" |\n");
                  });
        });
    return out.toString();
  }

  /** Accuracy against the silhouette on W and against the paper-style one, per model. */
  static void plot(Map<String, Map<String, List<Run>>> models, Path png) throws IOException {
    List<XYChart> panels = new ArrayList<>();
    for (var model : models.entrySet()) {
      for (boolean paperStyle : new boolean[] {false, true}) {
        XYChart chart =
            new XYChartBuilder()
                .width(PanelGrid.WIDTH)
                .height(PanelGrid.HEIGHT)
                .title(
                    model.getKey()
                        + (paperStyle ? ": paper-style silhouette" : ": silhouette on W"))
                .xAxisTitle(
                    paperStyle
                        ? "paper-style silhouette (t-SNE map, squared Euclidean)"
                        : "silhouette, k-means on W (Euclidean)")
                .yAxisTitle("test accuracy")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        // one series per setting and length, both initialisations in it (the table tells them
        // apart)
        Map<String, List<Run>> series = new TreeMap<>();
        model
            .getValue()
            .values()
            .forEach(
                runs ->
                    series
                        .computeIfAbsent(
                            runs.get(0).setting() + " e" + runs.get(0).epochs(),
                            k -> new ArrayList<>())
                        .addAll(runs));
        for (var entry : series.entrySet()) {
          List<Double> x = new ArrayList<>();
          List<Double> y = new ArrayList<>();
          for (Run r : entry.getValue()) {
            double s = paperStyle ? paper(r, "weights") : layerNumber(r, "silhouette");
            if (Double.isFinite(s)) {
              x.add(s);
              y.add(r.report().get("test_accuracy").asDouble());
            }
          }
          if (!x.isEmpty()) {
            XYSeries points = chart.addSeries(entry.getKey(), x, y);
            points.setMarker(
                entry.getValue().get(0).epochs() >= 50
                    ? SeriesMarkers.CIRCLE
                    : SeriesMarkers.DIAMOND);
          }
        }
        if (!chart.getSeriesMap().isEmpty()) {
          panels.add(chart);
        }
      }
    }
    PanelGrid.write(panels, png);
  }

  private static double layerNumber(Run r, String field) {
    if (r.layer() == null || r.layer().get(field) == null || r.layer().get(field).isNull()) {
      return Double.NaN;
    }
    return r.layer().get(field).asDouble();
  }

  private static double paper(Run r, String part) {
    if (r.layer() == null || r.layer().path("paper_silhouette").isNull()) {
      return Double.NaN;
    }
    return r.layer().path("paper_silhouette").path(part).path("mean").asDouble(Double.NaN);
  }

  /** The mean over runs with a value; NaN when none has one. */
  private static double mean(List<Run> runs, ToDoubleFunction<Run> column) {
    return runs.stream().mapToDouble(column).filter(Double::isFinite).average().orElse(Double.NaN);
  }

  /** The number of seeds, and how many are analysed when not all: "2 (1 analysed)". */
  private static String seeds(List<Run> runs) {
    long analysed = runs.stream().filter(r -> r.layer() != null).count();
    return analysed == runs.size()
        ? Integer.toString(runs.size())
        : runs.size() + " (" + analysed + " analysed)";
  }

  /** The mean, and with two or more seeds their range: "0.455 (0.434–0.476)". */
  private static String withRange(List<Run> runs, ToDoubleFunction<Run> column) {
    double[] values = runs.stream().mapToDouble(column).filter(Double::isFinite).toArray();
    if (values.length < 2) {
      return format(mean(runs, column));
    }
    return String.format(
        Locale.ROOT,
        "%s (%s–%s)",
        format(mean(runs, column)),
        format(Arrays.stream(values).min().orElseThrow()),
        format(Arrays.stream(values).max().orElseThrow()));
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
