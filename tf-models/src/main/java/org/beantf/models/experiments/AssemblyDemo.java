package org.beantf.models.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.OutputFolder;
import org.beantf.models.ModelKind;
import org.beantf.models.analysis.AnalysisFolder;
import org.beantf.models.analysis.AnalysisTarget;
import org.beantf.models.analysis.AssemblyVerdict;
import org.beantf.models.analysis.ComparisonReport;
import org.beantf.models.analysis.LayerAnalysis;
import org.beantf.models.analysis.RunComparison;
import org.beantf.models.analysis.RunComparison.ComparedRun;
import org.beantf.models.export.RunExport;
import org.beantf.models.export.SavedModelEvaluation;
import org.beantf.models.train.ClassAccuracy;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.TrainingOutcome;
import org.beantf.savedmodels.BeanModel;

/**
 * What BEAN is for, in one run ({@code bean demo}): the same model trained on MNIST without and
 * with BEAN-2 (its default α), same seed and epochs; the BEAN-2 run exported as a SavedModel and
 * reloaded through {@link BeanModel}; the last BEAN layer of both runs analysed as {@code bean
 * analyze} does; the two compared side by side ({@link RunComparison}, {@link ComparisonReport}).
 *
 * <p>Everything is written into a hidden folder beside {@code out} that becomes {@code out} only
 * when complete, and is deleted on a failure: {@code out} holds {@code vanilla/} and {@code bean2/}
 * (run directories, each with {@code analysis/}), {@code compare.html} and {@code compare.png}, or
 * nothing.
 */
public final class AssemblyDemo {
  /** The models the demo trains: the paper's LeNet-5 (the default) and its MLP. */
  public static final List<String> MODELS = List.of("lenet5", "mlp");

  /** The seed of both runs and of the analysis. */
  public static final long SEED = 1;

  /** The assemblies k-means looks for: MNIST's classes. */
  public static final int K = 10;

  /**
   * How one run of the demo is trained into a new run directory: the application passes its trainer
   * with a progress bar ({@code new Trainer(config, listener).train(data, run)}).
   */
  @FunctionalInterface
  public interface RunTraining {
    /** Trains {@code config} on {@code data} into {@code run}. */
    TrainingOutcome train(TrainConfig config, Dataset data, RunDirectory run);
  }

  private static final String VANILLA = "vanilla";
  private static final String BEAN2 = "bean2";

  private final String model;
  private final ModelKind kind;
  private final int epochs;
  private final OutputFolder out;
  private final Consumer<String> report;
  private final Consumer<String> progress;

  /**
   * Checks the settings before anything is loaded.
   *
   * @param model one of {@link #MODELS}
   * @param epochs the training epochs of each run, at least 1
   * @param out an absent or empty folder
   * @param report told each line of the demo's output (the table, the verdicts, the paths)
   * @param progress told each progress line (analysis steps)
   * @throws BadInputException naming the flag ({@code --model}, {@code --epochs}, {@code --out})
   *     that is wrong
   */
  public AssemblyDemo(
      String model, int epochs, Path out, Consumer<String> report, Consumer<String> progress) {
    if (!MODELS.contains(model)) {
      throw new InvalidSettingException(
          "model", model, "unknown demo model (expected one of " + String.join(", ", MODELS) + ")");
    }
    if (epochs < 1) {
      throw new InvalidSettingException("epochs", epochs, "expected an integer >= 1");
    }
    this.model = model;
    this.kind = ModelKind.parse(model);
    this.epochs = epochs;
    this.out = OutputFolder.of(out);
    this.report = report;
    this.progress = progress;
  }

  /**
   * The demo's result.
   *
   * @param savedModel the version folder of the BEAN-2 SavedModel
   * @param reloadedAccuracy the test accuracy of the SavedModel reloaded through {@link BeanModel}
   */
  public record Outcome(
      Path out,
      Path vanilla,
      Path bean2,
      Path savedModel,
      double reloadedAccuracy,
      RunComparison comparison) {}

  /**
   * Runs the demo on {@code mnist}.
   *
   * @param training how each run is trained (the application's trainer, with its progress bar)
   */
  public Outcome run(Dataset mnist, RunTraining training) {
    Path staged = out.stage();
    try {
      Outcome outcome = runIn(staged, mnist, training);
      out.commit(staged);
      return outcome;
    } catch (RuntimeException e) {
      OutputFolder.discard(staged, e);
      throw e;
    }
  }

  private Outcome runIn(Path staged, Dataset mnist, RunTraining training) {
    Path target = out.target();
    report.accept(mnist.summary());
    report.accept(
        "BEAN-2 adds α times a co-activation loss to each dense layer's training loss, weighted by A²: how "
            + "much two neurons share outgoing connections (F = |tanh(W)|, A¹ = FFᵀ/M, A² = A¹ ⊙ A¹); it pulls "
            + "neurons that project alike to fire alike (paper Eq. 1-7)");
    TrainingOutcome vanilla = train(config("none"), staged, VANILLA, mnist, training);
    TrainConfig beanConfig = config("bean2");
    TrainingOutcome bean = train(beanConfig, staged, BEAN2, mnist, training);

    Path exported =
        RunExport.export(new RunDirectory(staged.resolve(BEAN2)), beanConfig, null, null, 0);
    Path savedModel = target.resolve(staged.relativize(exported));
    double reloaded;
    try (BeanModel loaded = BeanModel.load(exported)) {
      ClassAccuracy evaluation =
          SavedModelEvaluation.accuracy(loaded, mnist.test(), mnist.classes());
      reloaded = evaluation.overall();
      report.accept(
          String.format(
              Locale.ROOT,
              "reloaded %s with BeanModel: test accuracy %.4f (%d/%d), %s",
              savedModel,
              reloaded,
              evaluation.allRight(),
              evaluation.size(),
              reloaded == bean.testAccuracy()
                  ? "as the trainer measured"
                  : String.format(Locale.ROOT, "the trainer measured %.4f", bean.testAccuracy())));
    }

    List<String> beanLayers = kind.beanLayerNames();
    String layer = beanLayers.get(beanLayers.size() - 1);
    report.accept(
        "analysing layer "
            + layer
            + " of both runs (k-means with k = "
            + K
            + ", seed "
            + SEED
            + "; the 10-seed paper-style silhouette is skipped to stay within the demo's time,"
            + " bean analyze gives it)");
    List<ComparedRun> runs = new ArrayList<>();
    runs.add(analyse(staged, VANILLA, "vanilla", layer, vanilla, mnist));
    runs.add(
        analyse(
            staged,
            BEAN2,
            String.format(
                Locale.ROOT, "BEAN-2 (α = %s)", alpha(beanConfig.bean().orElseThrow().alpha())),
            layer,
            bean,
            mnist));
    RunComparison comparison =
        new RunComparison(
            String.format(
                Locale.ROOT,
                "%s on MNIST, vanilla against BEAN-2, " + "%d epoch%s, seed %d",
                model.equals("lenet5") ? "LeNet-5" : "MLP",
                epochs,
                epochs == 1 ? "" : "s",
                SEED),
            layer,
            runs);
    ComparisonReport.write(staged, comparison, commands(layer));

    report.accept("");
    report.accept(comparison.table().stripTrailing());
    report.accept("");
    comparison.verdicts().forEach(report);
    report.accept("rule: " + AssemblyVerdict.RULE + ".");
    report.accept("");
    report.accept(
        "runs:        "
            + target.resolve(VANILLA)
            + ", "
            + target.resolve(BEAN2)
            + " (each with analysis/report.html)");
    report.accept(
        "SavedModel:  " + savedModel + " (TF Serving model base " + savedModel.getParent() + ")");
    report.accept(
        "comparison:  "
            + target.resolve(ComparisonReport.HTML)
            + " (and "
            + target.resolve(ComparisonReport.PNG)
            + ")");
    return new Outcome(
        target, target.resolve(VANILLA), target.resolve(BEAN2), savedModel, reloaded, comparison);
  }

  private TrainConfig config(String regularizers) {
    return TrainConfig.builder(kind, DatasetId.MNIST)
        .regularizers(regularizers)
        .epochs(epochs)
        .seed(SEED)
        .build();
  }

  private TrainingOutcome train(
      TrainConfig config, Path staged, String folder, Dataset mnist, RunTraining training) {
    report.accept(
        String.format(
            Locale.ROOT,
            "training %s %s for %d epoch%s (seed %d) into %s",
            model,
            config.bean().map(b -> "+ BEAN-2 (α = " + alpha(b.alpha()) + ")").orElse("vanilla"),
            epochs,
            epochs == 1 ? "" : "s",
            SEED,
            out.target().resolve(folder)));
    return training.train(config, mnist, RunDirectory.forNewRun(staged.resolve(folder)));
  }

  /**
   * Analyses {@code layer} of the run in {@code staged/folder} into its analysis/ folder, as bean
   * analyze does.
   */
  private ComparedRun analyse(
      Path staged,
      String folder,
      String label,
      String layer,
      TrainingOutcome trained,
      Dataset mnist) {
    Path shown = out.target().resolve(folder);
    AnalysisTarget target = AnalysisTarget.run(staged.resolve(folder), layer, K).shownAs(shown);
    List<LayerAnalysis> layers =
        target.analyse(
            mnist, K, SEED, 0, step -> progress.accept("analyze " + folder + ": " + step));
    AnalysisFolder.write(
        staged.resolve(folder).resolve("analysis"), target, analyzeCommand(folder, layer), layers);
    return new ComparedRun(label, folder + "/analysis", trained.testAccuracy(), layers.get(0));
  }

  private String analyzeCommand(String folder, String layer) {
    return "bean analyze --run "
        + out.target().resolve(folder)
        + " --layer "
        + layer
        + " --k "
        + K
        + " --seed "
        + SEED
        + " --map-seeds 0";
  }

  /**
   * The commands that make the same files again into a new folder DIR: the demo's own, and the bean
   * train / bean analyze commands that make them one by one.
   */
  private List<String> commands(String layer) {
    String train =
        "./bean train --model " + model + " --dataset mnist --epochs " + epochs + " --seed " + SEED;
    String analyze = " --layer " + layer + " --k " + K + " --seed " + SEED + " --map-seeds 0";
    return List.of(
        "# made by: ./bean demo --model "
            + model
            + " --epochs "
            + epochs
            + " --out "
            + out.target(),
        "# again, into DIR (an absent or empty folder):",
        "./bean demo --model " + model + " --epochs " + epochs + " --out DIR",
        "# or step by step (bean train also exports each run):",
        train + " --reg none --out DIR/" + VANILLA,
        train + " --reg bean2 --out DIR/" + BEAN2,
        "./bean analyze --run DIR/" + VANILLA + analyze,
        "./bean analyze --run DIR/" + BEAN2 + analyze);
  }

  /** α as typed on a command line: 100000 as 1e5, 100 as 100. */
  private static String alpha(double alpha) {
    if (alpha >= 1e4 && alpha == Math.rint(alpha)) {
      String digits = String.format(Locale.ROOT, "%.0e", alpha);
      if (Double.parseDouble(digits) == alpha) {
        return digits.replace("e+0", "e").replace("e+", "e");
      }
    }
    return alpha == Math.rint(alpha) ? String.valueOf((long) alpha) : String.valueOf(alpha);
  }
}
