package org.beantf.models.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.beantf.data.DatasetId;
import org.beantf.models.nn.WeightInit;

/**
 * table.md of a few-shot store: test accuracy (%) as mean ± standard deviation over draws per
 * (method, dataset, shots), the best mean per column in bold, the paper's number beside ours; then
 * paired Wilcoxon signed-rank tests of BEAN-1 and BEAN-2 against every other row, Holm-corrected
 * per column. It holds no timings, so a store filled in one sitting or several gives the same
 * table.
 */
public final class FewShotTable {
  /**
   * Above this many pairs the Wilcoxon p-value is the normal approximation (the exact one
   * enumerates 2^n signs).
   */
  private static final int EXACT_UP_TO = 20;

  private FewShotTable() {}

  /** A column of the table. */
  record Column(String dataset, int shots) {}

  /**
   * The markdown table of {@code results}, made under {@code protocol}.
   *
   * @param steps the strict protocol's full-batch steps the store was made with (not used by the
   *     authors' one)
   * @param note a paragraph after the protocol's description (what part of a grid the results are),
   *     or "" for none
   */
  public static String render(
      FewShotProtocol protocol, int steps, List<FewShotResult> results, String note) {
    return render(protocol, steps, FewShotOptions.DEFAULTS, results, note);
  }

  /**
   * The markdown table of {@code results}, made under {@code protocol} with {@code options} (said
   * after the protocol's description where they differ from its defaults).
   */
  public static String render(
      FewShotProtocol protocol,
      int steps,
      FewShotOptions options,
      List<FewShotResult> results,
      String note) {
    Map<Column, Map<String, Map<Integer, Double>>> cells =
        new TreeMap<>(
            Comparator.comparingInt((Column c) -> DatasetId.parse(c.dataset()).ordinal())
                .thenComparingInt(Column::shots));
    for (FewShotResult r : results) {
      cells
          .computeIfAbsent(new Column(r.dataset(), r.shots()), c -> new LinkedHashMap<>())
          .computeIfAbsent(r.method(), m -> new TreeMap<>())
          .put(r.draw(), 100 * r.testAccuracy());
    }
    List<Column> columns = new ArrayList<>(cells.keySet());
    StringBuilder out = new StringBuilder();
    out.append("## Few-shot learning from scratch, LeNet-5 (")
        .append(protocol.cliName())
        .append(" protocol)\n\n")
        .append(description(protocol, steps))
        .append(changes(options))
        .append("\n\n");
    if (!note.isEmpty()) {
      out.append(note).append("\n\n");
    }
    if (columns.isEmpty()) {
      return out.append("No results yet.\n").toString();
    }
    List<FewShotMethod> rows =
        FewShotMethod.parseList(
            String.join(",", results.stream().map(FewShotResult::method).distinct().toList()));
    out.append(
            "Test accuracy (%) on the whole test set: mean ± standard deviation over draws [the paper's Table 1]; ")
        .append(
            "the best mean of each column in bold; (n = …) where a cell has fewer draws than the most.\n\n");
    header(out, "method", columns);
    int most =
        cells.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToInt(Map::size)
            .max()
            .orElse(0);
    for (FewShotMethod method : rows) {
      if (method == FewShotMethod.BEAN1) {
        paperOnlyRow(out, columns);
      }
      out.append("| ").append(method.label());
      for (Column column : columns) {
        out.append(" | ").append(cell(cells.get(column), method.cliName(), most, column));
      }
      out.append(" |\n");
    }
    if (rows.stream().noneMatch(m -> m == FewShotMethod.BEAN1)) {
      paperOnlyRow(out, columns);
    }
    out.append('\n')
        .append(settingsUsed(results, columns, rows))
        .append('\n')
        .append(wilcoxon(cells, columns, rows));
    return out.toString();
  }

  /**
   * The hyper-parameters behind each cell (chosen on the tuning draws in the strict protocol, or on
   * each draw), for tuned rows; with the number of draws behind each where a cell has several.
   */
  private static String settingsUsed(
      List<FewShotResult> results, List<Column> columns, List<FewShotMethod> rows) {
    StringBuilder out = new StringBuilder("Hyper-parameters behind each cell:\n\n");
    header(out, "method", columns);
    for (FewShotMethod method : rows) {
      if (method.grid(FewShotProtocol.STRICT).size() == 1) {
        continue;
      }
      out.append("| ").append(method.label());
      for (Column column : columns) {
        Map<String, Long> used =
            results.stream()
                .filter(
                    r ->
                        r.method().equals(method.cliName())
                            && new Column(r.dataset(), r.shots()).equals(column))
                .collect(
                    Collectors.groupingBy(
                        r -> r.hyperparameters().toString(), TreeMap::new, Collectors.counting()));
        out.append(" | ")
            .append(
                used.isEmpty()
                    ? "—"
                    : used.size() == 1
                        ? used.keySet().iterator().next()
                        : used.entrySet().stream()
                            .map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(" / ")));
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private static String description(FewShotProtocol protocol, int steps) {
    return protocol == FewShotProtocol.STRICT
        ? String.format(
            Locale.ROOT,
            "Strict protocol: k shots per class from the whole training base; validation "
                + "on %d other images per class (%d labels in all); hyper-parameters chosen per dataset, k and method on "
                + "%d tuning draws; full-batch Adam (lr %s) for %d steps, the best of the steps validated every %d kept.",
            FewShotProtocol.STRICT_VALIDATION_PER_CLASS,
            10 * FewShotProtocol.STRICT_VALIDATION_PER_CLASS,
            FewShotGrid.TUNING_DRAWS,
            rate(),
            steps,
            FewShotProtocol.VALIDATE_EVERY)
        : String.format(
            Locale.ROOT,
            "Authors' protocol: k shots per class from the first %,d training images; batch "
                + "size %d for %d epochs (1-shot) or %d; the epoch with the best accuracy on %,d random training images "
                + "kept. **This spends %,d extra labels** on model selection, far more than the k·10 it trains on.",
            FewShotProtocol.AUTHORS_SHOT_RANGE,
            FewShotProtocol.AUTHORS_BATCH,
            FewShotProtocol.AUTHORS_EPOCHS_1_SHOT,
            FewShotProtocol.AUTHORS_EPOCHS,
            FewShotProtocol.AUTHORS_VALIDATION,
            FewShotProtocol.AUTHORS_VALIDATION);
  }

  /** What {@code options} change from the protocol's description, as sentences after it. */
  private static String changes(FewShotOptions options) {
    StringBuilder out = new StringBuilder();
    if (options.init() == WeightInit.PYTORCH) {
      out.append(" Initial weights: PyTorch's defaults, kernels and biases U(±1/√fan_in).");
    }
    if (options.epochs() != null) {
      out.append(" Here ")
          .append(options.epochs())
          .append(options.epochs() == 1 ? " epoch" : " epochs")
          .append(" at every number of shots.");
    }
    if (options.perDraw()) {
      out.append(
          " Each draw's setting is chosen on that draw: every setting of a method's grid is trained"
              + " on it, and the one with the best validation accuracy reported.");
    }
    options
        .grids()
        .forEach(
            (method, grid) ->
                out.append(" ")
                    .append(method.label().replace("+ ", ""))
                    .append(grid.size() > 1 ? " grid: " : ": ")
                    .append(
                        String.join(", ", grid.stream().map(Hyperparameters::toString).toList()))
                    .append("."));
    return out.toString();
  }

  /** The learning rate as the protocols state it, "5e-4". */
  private static String rate() {
    return String.format(Locale.ROOT, "%.0e", FewShotProtocol.LEARNING_RATE).replace("e-0", "e-");
  }

  private static void header(StringBuilder out, String first, List<Column> columns) {
    out.append("| ").append(first);
    for (Column c : columns) {
      out.append(" | ").append(c.dataset()).append(' ').append(c.shots()).append("-shot");
    }
    out.append(" |\n|---");
    out.append("|---".repeat(columns.size())).append("|\n");
  }

  private static void paperOnlyRow(StringBuilder out, List<Column> columns) {
    out.append("| ").append(PaperTable1.IMITATION_NETWORKS);
    for (Column column : columns) {
      out.append(" | — ").append(paper(PaperTable1.IMITATION_NETWORKS, column));
    }
    out.append(" |\n");
  }

  private static String cell(
      Map<String, Map<Integer, Double>> column, String method, int most, Column c) {
    Map<Integer, Double> draws = column.get(method);
    if (draws == null) {
      return ("— " + paper(method, c)).strip();
    }
    SummaryStatistics stats = statistics(draws);
    double best =
        column.values().stream().mapToDouble(d -> statistics(d).getMean()).max().orElse(Double.NaN);
    String mean = String.format(Locale.ROOT, "%.2f", stats.getMean());
    StringBuilder text = new StringBuilder(stats.getMean() == best ? "**" + mean + "**" : mean);
    if (draws.size() > 1) {
      text.append(String.format(Locale.ROOT, " ± %.2f", stats.getStandardDeviation()));
    }
    if (draws.size() < most) {
      text.append(" (n = ").append(draws.size()).append(')');
    }
    return text.append(' ').append(paper(method, c)).toString().strip();
  }

  private static String paper(String row, Column c) {
    Double value = PaperTable1.accuracy(row, c.dataset(), c.shots());
    return value == null ? "" : String.format(Locale.ROOT, "[%.2f]", value);
  }

  private static SummaryStatistics statistics(Map<Integer, Double> draws) {
    SummaryStatistics stats = new SummaryStatistics();
    draws.values().forEach(stats::addValue);
    return stats;
  }

  /** One comparison of a BEAN row with another row in one column. */
  private record Comparison(String bean, String other, double meanDifference, double p) {}

  private static String wilcoxon(
      Map<Column, Map<String, Map<Integer, Double>>> cells,
      List<Column> columns,
      List<FewShotMethod> rows) {
    Map<String, Map<Column, Comparison>> byRow = new LinkedHashMap<>();
    for (Column column : columns) {
      List<Comparison> family = new ArrayList<>();
      for (FewShotMethod bean : List.of(FewShotMethod.BEAN1, FewShotMethod.BEAN2)) {
        for (FewShotMethod other : rows) {
          boolean counted = bean == FewShotMethod.BEAN2 && other == FewShotMethod.BEAN1;
          if (other != bean && !counted) {
            Comparison comparison = compare(cells.get(column), bean.cliName(), other.cliName());
            if (comparison != null) {
              family.add(comparison);
            }
          }
        }
      }
      double[] adjusted =
          HolmCorrection.adjust(family.stream().mapToDouble(Comparison::p).toArray());
      for (int i = 0; i < family.size(); i++) {
        Comparison c = family.get(i);
        byRow
            .computeIfAbsent(
                label(c.bean()) + " vs " + label(c.other()), k -> new LinkedHashMap<>())
            .put(column, new Comparison(c.bean(), c.other(), c.meanDifference(), adjusted[i]));
      }
    }
    if (byRow.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(
            "Paired Wilcoxon signed-rank tests over the draws both rows ran (two-sided; draws "
                + "without a difference left out; exact up to "
                + EXACT_UP_TO
                + " pairs with distinct differences, else the normal approximation with ties "
                + "corrected), Holm-corrected over the comparisons of each column: mean "
                + "difference in points (BEAN minus the other row) and adjusted p, in bold where p < 0.05.\n\n");
    header(out, "comparison", columns);
    for (Map.Entry<String, Map<Column, Comparison>> row : byRow.entrySet()) {
      out.append("| ").append(row.getKey());
      for (Column column : columns) {
        Comparison c = row.getValue().get(column);
        String text =
            c == null
                ? "—"
                : String.format(Locale.ROOT, "%+.2f, p = %.2g", c.meanDifference(), c.p());
        out.append(" | ").append(c != null && c.p() < 0.05 ? "**" + text + "**" : text);
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  /**
   * The test of {@code bean} against {@code other} over their common draws, or null with fewer than
   * 2.
   */
  private static Comparison compare(
      Map<String, Map<Integer, Double>> column, String bean, String other) {
    Map<Integer, Double> a = column.get(bean);
    Map<Integer, Double> b = column.get(other);
    if (a == null || b == null) {
      return null;
    }
    List<Integer> common = a.keySet().stream().filter(b::containsKey).toList();
    if (common.size() < 2) {
      return null;
    }
    double[] x = common.stream().mapToDouble(a::get).toArray();
    double[] y = common.stream().mapToDouble(b::get).toArray();
    double difference = 0;
    for (int i = 0; i < x.length; i++) {
      difference += (x[i] - y[i]) / x.length;
    }
    double p = SignedRankTest.twoSidedP(x, y, EXACT_UP_TO);
    return new Comparison(bean, other, difference, p);
  }

  private static String label(String method) {
    return switch (method) {
      case "vanilla" -> "LeNet-5";
      case "bean1" -> "BEAN-1";
      case "bean2" -> "BEAN-2";
      default -> FewShotMethod.parse(method).label().replaceFirst("^\\+ ", "");
    };
  }
}
