package org.beantf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.beantf.data.io.OutputFolder;
import org.beantf.models.experiments.FewShotMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bean fewshot merge}: the stores of a grid's shards joined into one store and table. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Join few-shot stores made with the same settings (the shards of a grid) into one store"
            + " and write its table.md.")
final class FewShotMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "STORE",
      description = "the stores, such as those of bean fewshot --shard K/N for every K")
  List<Path> stores;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "the merged store: absent or empty")
  Path out;

  @Override
  public Integer call() {
    List<String> grid =
        spec.parent().commandLine().getParseResult().matchedOptions().stream()
            .map(o -> o.longestName())
            .toList();
    if (!grid.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "takes the stores and --out only, not "
              + String.join(", ", grid)
              + " (the stores' settings hold their grid)");
    }
    FewShotMerge.Outcome merged = FewShotMerge.merge(stores, OutputFolder.of(out));
    merged.notes().forEach(note -> System.err.println("note: " + note));
    System.out.println(
        "merged "
            + merged.results()
            + " results and "
            + merged.tuning()
            + " tuning runs; few-shot table: "
            + out.resolve("table.md"));
    return 0;
  }
}
