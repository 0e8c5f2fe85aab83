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

/**
 * Summarises the default-strength sweep (scripts/sweep-defaults.sh) as markdown: per model and
 * setting, the mean test accuracy over seeds, its spread, and the regularizer's share of the final
 * epoch's training loss; then, per regularizer, the strongest setting whose mean accuracy stays
 * within 0.5 point of vanilla — the default rule.
 *
 * <pre>
 * java -cp 'tf-models/target/lib/*:tf-models/target/classes' org.beantf.models.experiments.SweepSummary
 *     docs/results/sweep</pre>
 */
public final class SweepSummary {
  private static final double TOLERANCE = 0.005;

  private SweepSummary() {}

  /** One setting of one model: its runs' accuracies and regularizer shares, by seed. */
  record Setting(String name, List<Double> accuracies, List<Double> regShares) {
    double mean() {
      return accuracies.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
    }

    double spread() {
      return accuracies.stream().mapToDouble(d -> d).max().orElse(Double.NaN)
          - accuracies.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
    }

    double meanShare() {
      return regShares.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
    }

    /** "bean1" of "bean1-a100". */
    String family() {
      return name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
    }

    /** 100 of "bean1-a100", 0.25 of "dropout-p0.25", 1e-4 of "l2-1e-4". */
    double strength() {
      String value = name.substring(name.indexOf('-') + 1).replaceFirst("^[ap]", "");
      return Double.parseDouble(value);
    }
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "docs/results/sweep");
    System.out.print(summarise(root));
  }

  static String summarise(Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    try (Stream<Path> models = Files.list(root)) {
      for (Path model : models.sorted().toList()) {
        Map<String, Setting> settings = new TreeMap<>();
        try (Stream<Path> runs = Files.list(model)) {
          for (Path run : runs.sorted().toList()) {
            String name = run.getFileName().toString().replaceFirst("-s\\d+$", "");
            JsonNode report = json.readTree(run.resolve("report.json").toFile());
            List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
            JsonNode last = json.readTree(lines.get(lines.size() - 1));
            Setting setting =
                settings.computeIfAbsent(
                    name, n -> new Setting(n, new ArrayList<>(), new ArrayList<>()));
            setting.accuracies().add(report.get("test_accuracy").asDouble());
            setting
                .regShares()
                .add(last.get("train_reg").asDouble() / last.get("train_loss").asDouble());
          }
        }
        out.append(table(model.getFileName().toString(), settings));
      }
    }
    return out.toString();
  }

  private static String table(String model, Map<String, Setting> settings) {
    StringBuilder out = new StringBuilder();
    out.append("#### ")
        .append(model)
        .append("\n\n")
        .append(
            "| setting | seeds | test accuracy (mean) | spread (max − min) | regularizer share of the loss |\n")
        .append("|---|---|---|---|---|\n");
    List<Setting> ordered = new ArrayList<>(settings.values());
    ordered.sort(
        (a, b) ->
            a.family().equals(b.family())
                ? Double.compare(strength(a), strength(b))
                : Integer.compare(order(a.family()), order(b.family())));
    for (Setting s : ordered) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.4f | %.4f | %.3f |%n",
              s.name(),
              s.accuracies().size(),
              s.mean(),
              s.spread(),
              s.meanShare()));
    }
    Setting vanilla = settings.get("vanilla");
    if (vanilla != null) {
      out.append("\nDefaults by the rule (strongest setting within 0.5 point of vanilla's ")
          .append(String.format(Locale.ROOT, "%.4f", vanilla.mean()))
          .append("):\n\n");
      for (String family : List.of("bean1", "bean2", "dropout", "l2", "l1")) {
        if (ordered.stream().noneMatch(s -> s.family().equals(family))) {
          out.append("- ").append(family).append(": not run yet\n");
          continue;
        }
        Setting best = null;
        for (Setting s : ordered) {
          if (s.family().equals(family)
              && s.mean() >= vanilla.mean() - TOLERANCE
              && (best == null || s.strength() > best.strength())) {
            best = s;
          }
        }
        out.append("- ")
            .append(family)
            .append(": ")
            .append(
                best == null
                    ? "none within 0.5 point"
                    : best.name() + String.format(Locale.ROOT, " (%.4f)", best.mean()))
            .append('\n');
      }
    }
    return out.append('\n').toString();
  }

  private static double strength(Setting s) {
    return s.name().equals("vanilla") ? 0 : s.strength();
  }

  private static int order(String family) {
    return List.of("vanilla", "bean1", "bean2", "dropout", "l2", "l1").indexOf(family);
  }
}
