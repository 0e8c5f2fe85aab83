package org.beantf.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.beantf.models.experiments.HolmCorrection;
import org.beantf.models.experiments.SignedRankTest;

/**
 * Compares few-shot rows across stores of {@code bean fewshot} made with different settings (which
 * {@code bean fewshot merge} refuses to join): PyTorch against Glorot initialisation, per-draw
 * selection against the authors' fixed α. A row is a method's reported draws in a store, or one
 * setting's per-draw candidates (tuning.jsonl lines with a test accuracy); a comparison pairs two
 * rows on the draws both have (same draw, same shots and initial seed), with the mean difference in
 * points, the draws the first row wins, and the two-sided Wilcoxon signed-rank p-value over the
 * draws that differ ({@link SignedRankTest}: exact up to 20 of them with distinct differences),
 * alone and Holm-corrected over all the comparisons asked for in one call.
 *
 * <pre>
 * java -cp "benchmarks/target/bean-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *     org.beantf.research.FewShotComparison --shots 1 \
 *     vanilla=docs/results/fewshot/authors:vanilla \
 *     bean1-a1=docs/results/fewshot/authors-per-draw:bean1@alpha=1 \
 *     bean1-a1~vanilla</pre>
 *
 * A row is {@code LABEL=STORE:METHOD[@NAME=VALUE]}; a comparison is {@code LABEL~LABEL}.
 */
public final class FewShotComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FewShotComparison() {}

  /** A row: test accuracy by draw, and the setting behind each draw. */
  record Row(Map<Integer, Double> accuracy, Map<Integer, String> setting) {}

  public static void main(String[] args) throws IOException {
    int shots = 1;
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--shots")) {
        shots = Integer.parseInt(args[++i]);
      } else if (args[i].contains("~")) {
        pairs.add(args[i].split("~", 2));
      } else {
        // the label ends at the last '=' before the store's ':' (a label may hold "α = 1")
        int split = args[i].lastIndexOf('=', args[i].lastIndexOf(':'));
        rows.put(args[i].substring(0, split), row(args[i].substring(split + 1), shots));
      }
    }
    StringBuilder out = new StringBuilder("| row | test accuracy (%) | draws | settings |\n");
    out.append("|---|---|---|---|\n");
    rows.forEach(
        (label, row) -> {
          SummaryStatistics stats = new SummaryStatistics();
          row.accuracy().values().forEach(a -> stats.addValue(100 * a));
          Map<String, Long> used =
              row.setting().values().stream()
                  .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %d | %s |%n",
                  label,
                  stats.getN() == 0
                      ? "—"
                      : String.format(
                          Locale.ROOT,
                          "%.2f ± %.2f",
                          stats.getMean(),
                          stats.getStandardDeviation()),
                  stats.getN(),
                  used.entrySet().stream()
                      .map(
                          e ->
                              (e.getKey().isEmpty() ? "—" : e.getKey()) + " (" + e.getValue() + ")")
                      .collect(Collectors.joining(", "))));
        });
    List<Comparison> comparisons = new ArrayList<>();
    for (String[] pair : pairs) {
      comparisons.add(compare(pair[0], rows.get(pair[0]), pair[1], rows.get(pair[1])));
    }
    out.append('\n').append(table(comparisons));
    System.out.print(out);
  }

  /**
   * Two rows paired over the draws both have: the mean difference in points, the draws the first
   * wins, and Wilcoxon's p (NaN with fewer than 2 differing draws: no test).
   */
  record Comparison(String label, int draws, double meanDifference, int wins, double p) {}

  /**
   * The comparisons as a markdown table, with each p also Holm-corrected over the comparisons that
   * have one: a finding picked out of many comparisons should survive the correction.
   */
  static String table(List<Comparison> comparisons) {
    double[] tested =
        comparisons.stream().mapToDouble(Comparison::p).filter(p -> !Double.isNaN(p)).toArray();
    double[] adjusted = HolmCorrection.adjust(tested);
    StringBuilder out =
        new StringBuilder(
            "| comparison | draws | mean difference (points) | wins | Wilcoxon p | Holm p |\n"
                + "|---|---|---|---|---|---|\n");
    int next = 0;
    for (Comparison c : comparisons) {
      boolean test = !Double.isNaN(c.p());
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %+.2f | %d/%d | %s | %s |%n",
              c.label(),
              c.draws(),
              c.meanDifference(),
              c.wins(),
              c.draws(),
              test ? String.format(Locale.ROOT, "%.2g", c.p()) : "—",
              test ? String.format(Locale.ROOT, "%.2g", adjusted[next++]) : "—"));
    }
    return out.toString();
  }

  /** The comparison of row {@code a} with row {@code b} over the draws both have. */
  static Comparison compare(String aLabel, Row a, String bLabel, Row b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("no row " + (a == null ? aLabel : bLabel));
    }
    List<Integer> draws =
        a.accuracy().keySet().stream().filter(b.accuracy()::containsKey).sorted().toList();
    double[] x = draws.stream().mapToDouble(d -> 100 * a.accuracy().get(d)).toArray();
    double[] y = draws.stream().mapToDouble(d -> 100 * b.accuracy().get(d)).toArray();
    double mean = 0;
    int wins = 0;
    for (int i = 0; i < x.length; i++) {
      mean += (x[i] - y[i]) / x.length;
      wins += x[i] > y[i] ? 1 : 0;
    }
    long differing = IntStream.range(0, x.length).filter(i -> x[i] != y[i]).count();
    return new Comparison(
        aLabel + " vs " + bLabel,
        x.length,
        mean,
        wins,
        differing >= 2 ? SignedRankTest.twoSidedP(x, y, 20) : Double.NaN);
  }

  /** The row {@code STORE:METHOD[@NAME=VALUE]} at {@code shots} shots. */
  static Row row(String spec, int shots) throws IOException {
    int colon = spec.lastIndexOf(':');
    String store = spec.substring(0, colon);
    String method = spec.substring(colon + 1);
    String setting = null;
    if (method.contains("@")) {
      setting = method.substring(method.indexOf('@') + 1);
      method = method.substring(0, method.indexOf('@'));
    }
    Map<Integer, Double> accuracy = new TreeMap<>();
    Map<Integer, String> settings = new TreeMap<>();
    Path file = Path.of(store, setting == null ? "results.jsonl" : "tuning.jsonl");
    for (String line : Files.readAllLines(file)) {
      JsonNode n = JSON.readTree(line);
      if (n.get("shots").asInt() != shots || !n.get("method").asText().equals(method)) {
        continue;
      }
      String used = describe(n.get("hparams"));
      if (setting != null && (!used.equals(setting) || !n.has("test_accuracy"))) {
        continue;
      }
      int draw = n.get(setting == null ? "draw" : "tuning_draw").asInt();
      accuracy.put(draw, n.get("test_accuracy").asDouble());
      settings.put(draw, used);
    }
    return new Row(accuracy, settings);
  }

  /** {"alpha":1.0} as "alpha=1", {"p":0.25} as "p=0.25", {} as "". */
  private static String describe(JsonNode hparams) {
    List<String> parts = new ArrayList<>();
    hparams
        .fields()
        .forEachRemaining(
            e -> {
              double v = e.getValue().asDouble();
              parts.add(
                  e.getKey()
                      + "="
                      + (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
            });
    return String.join(" ", parts);
  }
}
