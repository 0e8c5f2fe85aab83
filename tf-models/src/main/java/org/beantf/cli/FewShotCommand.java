package org.beantf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.io.Writable;
import org.beantf.models.experiments.DrawRange;
import org.beantf.models.experiments.FewShotDraw;
import org.beantf.models.experiments.FewShotGrid;
import org.beantf.models.experiments.FewShotMethod;
import org.beantf.models.experiments.FewShotOptions;
import org.beantf.models.experiments.FewShotProtocol;
import org.beantf.models.experiments.FewShotShard;
import org.beantf.models.experiments.FewShotStore;
import org.beantf.models.nn.WeightInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bean fewshot}: the paper's Table 1, LeNet-5 from scratch on k images per class, into a
 * resumable store; {@code --shard K/N} runs part of the grid, {@code bean fewshot merge} joins the
 * parts.
 */
@Command(
    name = "fewshot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Few-shot learning from scratch (the paper's Table 1) into a store that later runs add to.",
    // --dataset and --out are required of this command only, not of merge: picocli would ask for
    // them before a subcommand, so call() checks them
    customSynopsis = {
      "bean fewshot [-hV] --dataset=D[,D2] [--shots=K,...] [--draws=N|A..B|list]",
      "                    [--methods=LIST] --out=DIR [--protocol=strict|authors]",
      "                    [--steps=N | --epochs=N] [--init=glorot|pytorch]",
      "                    [--grid=METHOD=V[,V...]]... [--select-per-draw]",
      "                    [--threads=T] [--shard=K/N]",
      "   or: bean fewshot merge STORE... --out=DIR"
    },
    subcommands = FewShotMergeCommand.class)
final class FewShotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dataset", paramLabel = "D[,D2]", description = "mnist and/or fashion-mnist")
  String datasets;

  @Option(
      names = "--shots",
      defaultValue = "1,5,10,20",
      paramLabel = "K,...",
      description = "shots per class (default ${DEFAULT-VALUE})")
  String shots;

  @Option(
      names = "--draws",
      defaultValue = "0..19",
      paramLabel = "N|A..B|list",
      description =
          "draw N, draws A..B (inclusive) or a comma list of those (default ${DEFAULT-VALUE})")
  String draws;

  @Option(
      names = "--methods",
      defaultValue = "vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge",
      paramLabel = "LIST",
      description = "comma list (default ${DEFAULT-VALUE})")
  String methods;

  @Option(
      names = "--protocol",
      defaultValue = "strict",
      paramLabel = "strict|authors",
      description =
          "strict (the default: 100 validation labels, settings chosen on tuning draws) or authors"
              + " (the authors' code: batch 1, epochs, 10,000 validation images); docs/RESULTS.md"
              + " \"Protocols\"")
  String protocol;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "the store: absent, empty, or made by an earlier run with the same protocol")
  Path out;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "run shard K (from 0) of N of the grid's cells, each with its tuning, into a store of its"
              + " own; bean fewshot merge joins the shards' stores")
  String shard;

  @Option(
      names = "--steps",
      defaultValue = "" + FewShotProtocol.STRICT_STEPS,
      paramLabel = "N",
      description =
          "full-batch steps of the strict protocol, a multiple of "
              + FewShotProtocol.VALIDATE_EVERY
              + " (default ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "epochs of the authors' protocol at every number of shots (default theirs: 200 at 1"
              + " shot, 100 above)")
  Integer epochs;

  @Option(
      names = "--init",
      defaultValue = "glorot",
      paramLabel = "glorot|pytorch",
      description =
          "LeNet-5's initial weights: glorot (the default) or pytorch (PyTorch's defaults, as the"
              + " paper's authors)")
  WeightInit init;

  @Option(
      names = "--grid",
      paramLabel = "METHOD=V[,V...]",
      description =
          "the values of METHOD's hyper-parameter to try, in place of the protocol's: p for"
              + " dropout, λ for l2 and l1, α for bean1 and bean2; repeatable")
  List<String> grids = new ArrayList<>();

  @Option(
      names = "--select-per-draw",
      description =
          "train every setting of a method's grid on each reported draw and report the one with"
              + " the best validation accuracy (instead of choosing once on tuning draws)")
  boolean selectPerDraw;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "T",
      description = "TensorFlow threads per cell (default ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    FewShotGrid.Plan plan = plan();
    Writable.require("out", out);
    // the data checks come before the store, so a run refused for them leaves no settings.json
    Map<DatasetId, Dataset> loaded = new LinkedHashMap<>();
    for (DatasetId id : plan.datasets()) {
      Dataset dataset = DatasetOption.cache().load(id);
      for (int k : plan.shots()) {
        FewShotDraw.reported(plan.protocol(), id, dataset.train().labels(), k, plan.draws().get(0));
      }
      loaded.put(id, dataset);
    }
    FewShotStore store =
        FewShotStore.open(
            out,
            FewShotGrid.settings(plan.protocol(), plan.steps(), plan.options()),
            plan.shard() == null ? null : plan.shard().toJson(plan));
    for (String other : store.otherKernelPaths()) {
      System.err.println(
          "note: "
              + out
              + " holds results computed on "
              + other
              + "; cells are bit-identical on one kernel path only (each line records its own)");
    }
    try (GridProgressBar progress = new GridProgressBar(plan)) {
      new FewShotGrid(plan, store, loaded::get, threads, progress).run();
    }
    System.out.println("few-shot table: " + out.resolve("table.md"));
    return 0;
  }

  /** Every flag parsed and checked, before any dataset or TensorFlow. */
  FewShotGrid.Plan plan() {
    List<OptionSpec> missing = new ArrayList<>();
    if (datasets == null) {
      missing.add(spec.findOption("--dataset"));
    }
    if (out == null) {
      missing.add(spec.findOption("--out"));
    }
    if (!missing.isEmpty()) {
      throw new MissingParameterException(
          spec.commandLine(),
          List.<ArgSpec>copyOf(missing),
          "Missing required option"
              + (missing.size() > 1 ? "s: " : ": ")
              + missing.stream()
                  .map(o -> "'" + o.longestName() + "=" + o.paramLabel() + "'")
                  .collect(Collectors.joining(", ")));
    }
    List<DatasetId> ids = new ArrayList<>();
    for (String name : datasets.split(",")) {
      DatasetId id = DatasetId.parse(name.strip());
      if (id == DatasetId.CIFAR10) {
        throw new BadInputException(
            "--dataset "
                + datasets
                + ": LeNet-5 few-shot runs on 28x28 grayscale images "
                + "(expected mnist and/or fashion-mnist)");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    List<Integer> k = new ArrayList<>();
    for (String item : shots.split(",", -1)) {
      if (!item.strip().matches("\\d{1,6}") || Integer.parseInt(item.strip()) < 1) {
        throw new BadInputException(
            "--shots "
                + shots
                + ": '"
                + item.strip()
                + "' is not valid (expected a comma "
                + "list of whole numbers >= 1)");
      }
      if (!k.contains(Integer.parseInt(item.strip()))) {
        k.add(Integer.parseInt(item.strip()));
      }
    }
    if (steps < FewShotProtocol.VALIDATE_EVERY || steps % FewShotProtocol.VALIDATE_EVERY != 0) {
      throw new BadInputException(
          "--steps "
              + steps
              + ": expected a multiple of "
              + FewShotProtocol.VALIDATE_EVERY
              + " (the steps between validations), at least "
              + FewShotProtocol.VALIDATE_EVERY);
    }
    if (threads < 1) {
      throw new BadInputException("--threads " + threads + ": expected an integer >= 1");
    }
    if (epochs != null && (epochs < 1 || epochs > FewShotOptions.MAX_EPOCHS)) {
      throw new BadInputException(
          "--epochs " + epochs + ": expected 1 to " + FewShotOptions.MAX_EPOCHS);
    }
    FewShotProtocol parsed = FewShotProtocol.parse(protocol);
    if (parsed == FewShotProtocol.AUTHORS
        && spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
      throw new BadInputException(
          "--steps "
              + steps
              + ": the authors' protocol trains for epochs (expected --epochs, or --protocol"
              + " strict)");
    }
    List<FewShotMethod> runs = FewShotMethod.parseList(methods);
    FewShotOptions options =
        new FewShotOptions(init, epochs, FewShotOptions.parseGrids(grids), selectPerDraw)
            .canonical(parsed);
    options.check(parsed, runs);
    return new FewShotGrid.Plan(
        parsed,
        ids,
        k,
        DrawRange.parse(draws),
        runs,
        steps,
        shard == null ? null : FewShotShard.parse(shard),
        options);
  }
}
