package org.beantf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.bean.analysis.MapSilhouette;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.OutputFolder;
import org.beantf.data.io.Writable;
import org.beantf.models.analysis.AnalysisFolder;
import org.beantf.models.analysis.AnalysisTarget;
import org.beantf.models.analysis.AssemblyVerdict;
import org.beantf.models.analysis.LayerAnalysis;
import org.beantf.models.export.SavedModelEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bean analyze}: neuronal assemblies of a run's (or a SavedModel's) BEAN layers, with plots
 * and a report.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Neuronal-assembly analysis of the BEAN layers (paper Section 3.1): k-means assemblies on the "
          + "neurons' outgoing weights, silhouette, best k over 2..20, a shuffled-weights null, ARI/NMI of the "
          + "assemblies against the neurons' preferred classes, t-SNE, class selectivity on the test set, population "
          + "ablation, sparsity and outgoing weight profiles.",
      "Writes analysis.json, plots/*.png and report.html into --out, which appears only when complete.",
      "With --model the population ablation is not measured (a SavedModel has no graph to silence neurons in): "
          + "its fields are null."
    })
final class AnalyzeCommand implements Callable<Integer> {
  /** Enough for a spread; each seed costs three t-SNE runs. */
  private static final int MAX_MAP_SEEDS = 100;

  @Option(names = "--run", paramLabel = "DIR", description = "a run directory of bean train")
  Path run;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "instead of --run: a SavedModel folder or model base (from bean export), with --dataset")
  Path model;

  @Option(
      names = "--dataset",
      paramLabel = "D",
      description =
          "with --model: mnist, fashion-mnist, cifar10, images:DIR, csv:FILE, npy:X.npy,y.npy or"
              + " idx:DIR (a table's options come from the SavedModel's record of its data)")
  String dataset;

  @Option(names = "--layer", paramLabel = "NAME", description = "one BEAN layer (default: all)")
  String layer;

  @Option(
      names = "--k",
      paramLabel = "K",
      description = "assemblies for k-means (default: the number of classes)")
  Integer k;

  @Option(
      names = "--out",
      paramLabel = "DIR2",
      description = "an absent or empty folder (default DIR/analysis; required with --model)")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "seeds k-means, the shuffles and t-SNE (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--map-seeds",
      paramLabel = "N",
      defaultValue = "" + MapSilhouette.DEFAULT_SEEDS,
      description =
          "t-SNE seeds of the paper-style silhouette (MATLAB's pipeline: k-means on the 2-D map,"
              + " squared Euclidean), with its fresh-weight floor and shuffled null; 0 skips it"
              + " (default ${DEFAULT-VALUE})")
  int mapSeeds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (mapSeeds < 0 || mapSeeds > MAX_MAP_SEEDS) {
      throw new InvalidSettingException(
          "map-seeds", mapSeeds, "expected 0 (skip) to " + MAX_MAP_SEEDS + " seeds");
    }
    AnalysisTarget target = target();
    OutputFolder folder = OutputFolder.of(out != null ? out : run.resolve("analysis"));
    Writable.require("out", folder.target()); // a read-only or full disk before the data is read
    long start = System.nanoTime();
    if (model != null && target.dataset().kind() == DatasetSpec.Kind.BUILTIN) {
      // a built-in dataset's shape is known: a mismatch is found before it is read
      SavedModelEvaluation.requireFits(model, DatasetInfo.of(target.dataset().builtin()));
    }
    Dataset data = DatasetOption.load(target.dataset());
    if (model != null) {
      SavedModelEvaluation.requireFits(model, data.info());
    }
    System.err.println(data.summary());
    Path staged = folder.stage(); // before TensorFlow: an unwritable --out is found out first
    try {
      List<LayerAnalysis> layers =
          target.analyse(
              data,
              k != null ? k : target.classes(),
              seed,
              mapSeeds,
              step ->
                  System.err.printf(
                      Locale.ROOT,
                      "analyze: %s (%.1f s)%n",
                      step,
                      (System.nanoTime() - start) / 1e9));
      System.err.printf(
          Locale.ROOT, "analyze: plots and report (%.1f s)%n", (System.nanoTime() - start) / 1e9);
      // the arguments as typed, the subcommand's name included
      AnalysisFolder.write(
          staged,
          target,
          "bean " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
          layers);
      layers.forEach(a -> System.err.println(AssemblyVerdict.of(a).sentence()));
      System.out.println(folder.commit(staged));
    } catch (RuntimeException e) {
      OutputFolder.discard(staged, e);
      throw e;
    }
    return 0;
  }

  /** The run or SavedModel named, checked before TensorFlow loads. */
  private AnalysisTarget target() {
    if ((run == null) == (model == null)) {
      throw new BadInputException(
          "--run/--model: expected one of them (got " + (run == null ? "neither" : "both") + ")");
    }
    if (run != null) {
      if (dataset != null) {
        throw new BadInputException(
            "--dataset "
                + dataset
                + ": not used with --run (the run's config.json names "
                + "its dataset)");
      }
      return AnalysisTarget.run(run, layer, k);
    }
    if (dataset == null || out == null) {
      throw new BadInputException(
          "--model " + model + ": expected --dataset D and --out DIR2 with it");
    }
    return AnalysisTarget.savedModel(
        model,
        SavedModelEvaluation.datasetFor(
            model, DatasetSpec.parse(dataset).build(), false, System.err::println),
        layer,
        k);
  }
}
