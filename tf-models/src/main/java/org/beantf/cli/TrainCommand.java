package org.beantf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.io.Writable;
import org.beantf.models.ModelDefaults;
import org.beantf.models.ModelKind;
import org.beantf.models.export.RunExport;
import org.beantf.models.nn.WeightInit;
import org.beantf.models.train.ConfigJson;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bean train}: train a model with BEAN and/or baseline regularizers into a run directory.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Train MLP, LeNet-5 or ResNet18 in graph mode with BEAN and/or baseline regularizers.")
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "M",
      description = "mlp, lenet5 or resnet18")
  String model;

  @Mixin DatasetOption dataset;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "the run directory: absent or empty, unless --resume")
  Path out;

  @Option(
      names = "--reg",
      defaultValue = "none",
      paramLabel = "LIST",
      description =
          "comma list of the registered regularizers: none (vanilla), bean1, bean2, dropout, l2, l1 "
              + "(default ${DEFAULT-VALUE})")
  String reg;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description = "BEAN strength α (default per model and order)")
  Double alpha;

  @Option(
      names = "--dropout",
      paramLabel = "P",
      description = "dropout rate with --reg dropout (default " + ModelDefaults.DROPOUT + ")")
  Double dropout;

  @Option(
      names = "--l2",
      paramLabel = "L",
      description = "weight decay λ with --reg l2 (default per model)")
  Double l2;

  @Option(
      names = "--l1",
      paramLabel = "L",
      description = "ℓ1 strength λ with --reg l1 (default per model)")
  Double l1;

  @Option(
      names = "--gamma",
      defaultValue = "1",
      paramLabel = "G",
      description = "γ of f(W) = |tanh(γW)|")
  double gamma;

  @Option(names = "--divergence", defaultValue = "squared", paramLabel = "squared|absolute")
  Divergence divergence;

  @Option(names = "--form", defaultValue = "auto", paramLabel = "auto|broadcast|dense|lowrank")
  LossForm form;

  @Option(names = "--normalization", defaultValue = "paper", paramLabel = "paper|none")
  Normalization normalization;

  @Option(
      names = "--bean-layers",
      split = ",",
      paramLabel = "a,b",
      description = "BEAN layers (default all)")
  List<String> beanLayers = List.of();

  @Option(
      names = "--reg-option",
      paramLabel = "NAME=VALUE",
      description =
          "a setting of a registered regularizer that has no option of its own (repeatable)")
  Map<String, String> regOptions = Map.of();

  @Option(names = "--epochs", defaultValue = "5", paramLabel = "E")
  int epochs;

  @Option(
      names = "--until-converged",
      description = "train until the loss (or validation accuracy) stops improving")
  boolean untilConverged;

  @Option(names = "--patience", defaultValue = "3", paramLabel = "P")
  int patience;

  @Option(names = "--max-epochs", defaultValue = "100", paramLabel = "E")
  int maxEpochs;

  @Option(
      names = "--val-split",
      defaultValue = "0",
      paramLabel = "N",
      description = "images held out of training for early stopping and model selection")
  int valSplit;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "B")
  int batch;

  @Option(
      names = "--lr",
      paramLabel = "LR",
      description = "Adam learning rate (default: 5e-4, the paper's; 1e-3 for lenet5)")
  Double lr;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "TensorFlow threads (default: the processors)")
  Integer threads;

  @Option(
      names = "--shots",
      defaultValue = "0",
      paramLabel = "K",
      description = "train on K images per class")
  int shots;

  @Option(names = "--augment", defaultValue = "none", paramLabel = "none|flip")
  Augment augment;

  /** What --augment can name. */
  enum Augment {
    NONE,
    FLIP
  }

  @Option(
      names = "--init",
      defaultValue = "glorot",
      paramLabel = "glorot|pytorch",
      description =
          "initial weights: glorot (Glorot-uniform dense, He-normal conv, zero biases) or pytorch"
              + " (PyTorch's defaults, kernels and biases U(±1/√fan_in), as the paper's authors)")
  WeightInit init;

  @Option(names = "--resume", description = "continue the run in --out")
  boolean resume;

  @Option(
      names = "--hidden",
      split = ",",
      paramLabel = "N[,N…]",
      description =
          "mlp: units of each hidden layer, each a BEAN layer (default "
              + ModelDefaults.HIDDEN
              + ")")
  List<Integer> hidden;

  @Override
  public Integer call() {
    DatasetSpec spec = dataset.spec();
    Writable.require("out", out); // a read-only or full disk is found before the data is read
    // a built-in dataset's shape is known: settings are checked before it is read
    TrainConfig config =
        spec.kind() == DatasetSpec.Kind.BUILTIN ? config(DatasetInfo.of(spec.builtin())) : null;
    RunDirectory run = config != null ? runDirectory(config) : null;
    if (run == null && !resume) {
      RunDirectory.forNewRun(out); // an unusable --out is found before the data is read
    }
    Dataset data = DatasetOption.load(spec);
    if (config == null) {
      config = config(data.info());
      run = runDirectory(config);
    }
    System.err.println(data.summary());
    Trainer trainer = new Trainer(config, new ProgressBarListener(config.epochs()));
    TrainingOutcome outcome = resume ? trainer.resume(data, run) : trainer.train(data, run);
    Path model = RunExport.export(run, config, null, null, 0);
    System.out.printf(
        Locale.ROOT,
        "%s on %s: test accuracy %.4f after %d epochs; run directory %s; SavedModel %s%n",
        config.model(),
        config.data().name(),
        outcome.testAccuracy(),
        outcome.epochs(),
        out,
        model);
    return 0;
  }

  private RunDirectory runDirectory(TrainConfig config) {
    return resume
        ? RunDirectory.forResume(out, ConfigJson.of(config))
        : RunDirectory.forNewRun(out);
  }

  /**
   * The run's configuration on {@code data}, checked by {@link TrainConfig} before TensorFlow is
   * loaded (for a built-in dataset, before it is read); what is not given keeps the model's
   * default.
   */
  TrainConfig config(DatasetInfo data) {
    TrainConfig.Builder builder =
        TrainConfig.builder(ModelKind.parse(model), data)
            .regularizers(reg)
            .gamma(gamma)
            .normalization(normalization)
            .validation(valSplit)
            .batch(batch)
            .seed(seed)
            .shots(shots)
            .augmentFlip(augment == Augment.FLIP)
            .init(init)
            .divergence(divergence)
            .form(form)
            .beanLayers(beanLayers);
    regOptions.forEach(builder::set);
    if (alpha != null) {
      builder.alpha(alpha);
    }
    if (dropout != null) {
      builder.dropout(dropout);
    }
    if (l2 != null) {
      builder.l2(l2);
    }
    if (l1 != null) {
      builder.l1(l1);
    }
    if (lr != null) {
      builder.learningRate(lr);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    if (hidden != null) {
      builder.hidden(hidden);
    }
    return (untilConverged ? builder.untilConverged(patience, maxEpochs) : builder.epochs(epochs))
        .build();
  }
}
