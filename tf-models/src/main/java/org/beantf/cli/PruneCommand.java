package org.beantf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beantf.data.Dataset;
import org.beantf.data.io.OutputFolder;
import org.beantf.models.prune.PrunableRun;
import org.beantf.models.prune.PruneSettings;
import org.beantf.models.prune.Pruner;
import org.beantf.models.prune.PruningReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean prune}: structured pruning of a run's BEAN layers, exported as a SavedModel. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Structured pruning of a run's BEAN layers: remove the connections of each BEAN layer's"
          + " outgoing weights W with |tanh(γw)| < τ (or the fraction S with the smallest |w|), and"
          + " every neuron left without an outgoing connection, with its incoming weights and bias;"
          + " optionally fine-tune with the removed connections held at zero; export the smaller"
          + " model as a SavedModel with the same signatures.",
      "Writes DIR2/savedmodel/<model>/1/ and DIR2/pruning.json, and prints parameters,"
          + " multiply-adds, test accuracy and BeanModel.predict latency before and after."
    })
final class PruneCommand implements Callable<Integer> {
  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "a run directory of bean train")
  Path run;

  @Option(
      names = "--threshold",
      paramLabel = "τ",
      description =
          "remove connections with |tanh(γw)| < τ, 0 < τ < 1 (default 0.01, the sparsity of bean"
              + " analyze)")
  Double threshold;

  @Option(
      names = "--sparsity",
      paramLabel = "S",
      description =
          "instead of --threshold: remove the fraction S (0 <= S < 1) of each BEAN layer's"
              + " connections with the smallest |w| (magnitude pruning)")
  Double sparsity;

  @Option(
      names = "--fine-tune-epochs",
      paramLabel = "E",
      defaultValue = "0",
      description =
          "epochs of the run's own training after pruning, removed connections held at exactly"
              + " zero (default ${DEFAULT-VALUE})")
  int fineTuneEpochs;

  @Option(
      names = "--repetitions",
      paramLabel = "R",
      defaultValue = "" + PruneSettings.DEFAULT_REPETITIONS,
      description =
          "timed predict calls per latency, whose median is reported (default ${DEFAULT-VALUE})")
  int repetitions;

  @Option(
      names = "--out",
      paramLabel = "DIR2",
      description = "an absent or empty folder (default DIR/pruned)")
  Path out;

  @Override
  public Integer call() {
    PruneSettings settings = PruneSettings.of(threshold, sparsity, fineTuneEpochs, repetitions);
    PrunableRun source = PrunableRun.open(run);
    source.requireKeepsNeurons(settings); // from the layer files, before TensorFlow
    OutputFolder folder = OutputFolder.of(out != null ? out : run.resolve("pruned"));
    Path staged = folder.stage(); // before TensorFlow: an unwritable --out is found out first
    try {
      Dataset data = DatasetOption.load(source.config().data().source());
      System.err.println(data.summary());
      PruningReport report =
          Pruner.prune(
              source, settings, data, staged, line -> System.err.println("prune: " + line));
      Path committed = folder.commit(staged);
      report.table().forEach(System.out::println);
      System.out.println("SavedModel: " + committed.resolve(report.savedModel()));
      return 0;
    } catch (RuntimeException e) {
      OutputFolder.discard(staged, e);
      throw e;
    }
  }
}
