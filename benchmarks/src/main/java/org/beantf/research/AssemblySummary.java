package org.beantf.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.beantf.models.ModelKind;

/**
 * Summarises the assembly analyses of the default-strength runs (scripts/analyze-sweep.sh) as
 * markdown: per model and BEAN layer, one row per setting with the mean over seeds of each number
 * of analysis.json.
 *
 * <pre>
 * java -cp 'tf-models/target/lib/*:tf-models/target/classes' org.beantf.models.experiments.AssemblySummary
 *     docs/results/analysis</pre>
 */
public final class AssemblySummary {
  /** The order of the rows: the baselines, then BEAN. */
  private static final List<String> FAMILIES =
      List.of("vanilla", "dropout", "l2", "l1", "bean1", "bean2");

  private AssemblySummary() {}

  public static void main(String[] args) throws IOException {
    System.out.print(summarise(Path.of(args.length > 0 ? args[0] : "docs/results/analysis")));
  }

  static String summarise(Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    try (Stream<Path> models = Files.list(root)) {
      for (Path model : models.filter(Files::isDirectory).sorted().toList()) {
        // layer → setting → one analysis.json layer object per seed
        Map<String, Map<String, List<JsonNode>>> byLayer =
            new TreeMap<>(layerOrder(model.getFileName().toString()));
        try (Stream<Path> runs = Files.list(model)) {
          for (Path run : runs.filter(Files::isDirectory).sorted().toList()) {
            String setting = run.getFileName().toString().replaceFirst("-s\\d+$", "");
            json.readTree(run.resolve("analysis.json").toFile())
                .get("layers")
                .properties()
                .forEach(
                    layer ->
                        byLayer
                            .computeIfAbsent(
                                layer.getKey(),
                                l -> new TreeMap<>(AssemblySummary::compareSettings))
                            .computeIfAbsent(setting, s -> new ArrayList<>())
                            .add(layer.getValue()));
          }
        }
        byLayer.forEach(
            (layer, settings) ->
                out.append(table(model.getFileName() + ", layer " + layer, settings)));
      }
    }
    return out.toString();
  }

  private static String table(String title, Map<String, List<JsonNode>> settings) {
    Map<String, ToDoubleFunction<JsonNode>> columns = new LinkedHashMap<>();
    columns.put("silhouette (k = 10)", n -> number(n.get("silhouette")));
    columns.put("silhouette (best k)", n -> number(n.get("best_k_silhouette")));
    columns.put("shuffled silhouette", n -> number(n.get("shuffled_silhouette_mean")));
    columns.put("z vs shuffled", n -> number(n.get("shuffled_silhouette_z")));
    columns.put("ARI", n -> number(n.get("ari_clusters_vs_preferred")));
    columns.put("NMI", n -> number(n.get("nmi_clusters_vs_preferred")));
    columns.put("ablation score", n -> number(n.get("ablation_score")));
    columns.put("sparsity", n -> number(n.get("sparsity")));
    StringBuilder out =
        new StringBuilder("\n#### ")
            .append(title)
            .append("\n\n| setting | seeds | best k | ")
            .append(String.join(" | ", columns.keySet()))
            .append(" |\n|---|---|---|")
            .append("---|".repeat(columns.size()))
            .append('\n');
    settings.forEach(
        (setting, runs) -> {
          out.append("| ")
              .append(setting)
              .append(" | ")
              .append(runs.size())
              .append(" | ")
              .append(String.join(", ", runs.stream().map(n -> n.get("best_k").asText()).toList()));
          columns
              .values()
              .forEach(
                  column ->
                      out.append(" | ")
                          .append(
                              format(
                                  runs.stream().mapToDouble(column).average().orElse(Double.NaN))));
          out.append(" |\n");
        });
    return out.toString();
  }

  /** Settings by regularizer family (baselines first), then by name. */
  static int compareSettings(String a, String b) {
    return Comparator.<String>comparingInt(s -> familyRank(s))
        .thenComparing(Comparator.naturalOrder())
        .compare(a, b);
  }

  private static int familyRank(String setting) {
    String family = setting.contains("-") ? setting.substring(0, setting.indexOf('-')) : setting;
    int rank = FAMILIES.indexOf(family);
    return rank < 0 ? FAMILIES.size() : rank;
  }

  /** The model's BEAN layers in its own order (DESIGN.md's table), unknown names after them. */
  private static Comparator<String> layerOrder(String model) {
    List<String> order =
        Arrays.stream(ModelKind.values())
            .filter(k -> k.id().equals(model))
            .findFirst()
            .map(ModelKind::beanLayerNames)
            .orElse(List.of());
    return Comparator.<String>comparingInt(l -> order.contains(l) ? order.indexOf(l) : order.size())
        .thenComparing(Comparator.naturalOrder());
  }

  /** NaN for null (a z without spread, an ablation not measured): the mean then says n/a. */
  private static double number(JsonNode value) {
    return value == null || value.isNull() ? Double.NaN : value.asDouble();
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
