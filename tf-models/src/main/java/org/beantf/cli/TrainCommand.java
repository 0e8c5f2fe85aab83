package org.beantf.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.models.Model;
import org.beantf.models.Models;
import org.beantf.models.export.RunExport;
import org.beantf.models.train.ConfigJson;
import org.beantf.models.train.Defaults;
import org.beantf.models.train.Regularization;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bean train}: train a model with BEAN and/or baseline regularizers into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train MLP, LeNet-5 or ResNet18 in graph mode with BEAN and/or baseline regularizers.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "M", description = "mlp, lenet5 or resnet18")
  String model;

  @Mixin
  DatasetOption dataset;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the run directory: absent or empty, unless --resume")
  Path out;

  @Option(names = "--reg", defaultValue = "none", paramLabel = "LIST",
      description = "comma list of none (vanilla), bean1, bean2, dropout, l2, l1 (default ${DEFAULT-VALUE})")
  String reg;

  @Option(names = "--alpha", paramLabel = "A", description = "BEAN strength α (default per model and order)")
  Double alpha;

  @Option(names = "--dropout", paramLabel = "P", description = "dropout rate with --reg dropout (default "
      + Defaults.DROPOUT + ")")
  Double dropout;

  @Option(names = "--l2", paramLabel = "L", description = "weight decay λ with --reg l2 (default per model)")
  Double l2;

  @Option(names = "--l1", paramLabel = "L", description = "ℓ1 strength λ with --reg l1 (default per model)")
  Double l1;

  @Option(names = "--gamma", defaultValue = "1", paramLabel = "G", description = "γ of f(W) = |tanh(γW)|")
  double gamma;

  @Option(names = "--divergence", defaultValue = "squared", paramLabel = "squared|absolute")
  String divergence;

  @Option(names = "--form", defaultValue = "auto", paramLabel = "auto|broadcast|dense|lowrank")
  String form;

  @Option(names = "--normalization", defaultValue = "paper", paramLabel = "paper|none")
  String normalization;

  @Option(names = "--bean-layers", split = ",", paramLabel = "a,b", description = "BEAN layers (default all)")
  List<String> beanLayers = List.of();

  @Option(names = "--epochs", defaultValue = "5", paramLabel = "E")
  int epochs;

  @Option(names = "--until-converged", description = "train until the loss (or validation accuracy) stops improving")
  boolean untilConverged;

  @Option(names = "--patience", defaultValue = "3", paramLabel = "P")
  int patience;

  @Option(names = "--max-epochs", defaultValue = "100", paramLabel = "E")
  int maxEpochs;

  @Option(names = "--val-split", defaultValue = "0", paramLabel = "N",
      description = "images held out of training for early stopping and model selection")
  int valSplit;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "B")
  int batch;

  @Option(names = "--lr", paramLabel = "LR",
      description = "Adam learning rate (default: 5e-4, the paper's; 1e-3 for lenet5)")
  Double lr;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "TensorFlow threads (default: the processors)")
  Integer threads;

  @Option(names = "--shots", defaultValue = "0", paramLabel = "K", description = "train on K images per class")
  int shots;

  @Option(names = "--augment", defaultValue = "none", paramLabel = "none|flip")
  String augment;

  @Option(names = "--resume", description = "continue the run in --out")
  boolean resume;

  @Override
  public Integer call() {
    TrainConfig config = config();
    RunDirectory run = resume ? RunDirectory.forResume(out, ConfigJson.of(config)) : RunDirectory.forNewRun(out);
    Dataset data = DatasetOption.cache().load(config.dataset());
    Trainer trainer = new Trainer(config, Models.create(config.model(), config.dropoutRate()),
        new ProgressBarListener(config.epochs()));
    Trainer.Outcome outcome = resume ? trainer.resume(data, run) : trainer.train(data, run);
    Path model = RunExport.export(run, config, null, null, 0);
    System.out.printf(Locale.ROOT, "%s on %s: test accuracy %.4f after %d epochs; run directory %s; SavedModel %s%n",
        config.model(), config.dataset(), outcome.testAccuracy(), outcome.epochs(), out, model);
    return 0;
  }

  /** The run's configuration, every flag checked before TensorFlow or a dataset is touched. */
  TrainConfig config() {
    Model net = Models.create(model, 0);
    DatasetId id = dataset.id();
    String unfit = net.unfitInput(id.height(), id.width(), id.channels());
    if (unfit != null) {
      throw new BadInputException("--model " + model + " --dataset " + id + ": " + unfit);
    }
    Set<Regularization> regs = Regularization.parseList(reg);
    double a = alpha != null ? alpha : Defaults.alpha(model, Math.max(Regularization.beanOrder(regs), 1));
    nonNegative("--alpha", a);
    double p = dropout != null ? dropout : Defaults.DROPOUT;
    if (!(p >= 0 && p < 1)) {
      throw new BadInputException("--dropout " + p + ": expected 0 <= P < 1");
    }
    double decay = l2 != null ? l2 : Defaults.l2(model);
    double sparsity = l1 != null ? l1 : Defaults.l1(model);
    nonNegative("--l2", decay);
    nonNegative("--l1", sparsity);
    positive("--gamma", gamma);
    double rate = lr != null ? lr : Defaults.learningRate(model);
    positive("--lr", rate);
    positiveInt("--batch", batch);
    positiveInt(untilConverged ? "--max-epochs" : "--epochs", untilConverged ? maxEpochs : epochs);
    positiveInt("--patience", patience);
    positiveInt("--threads", threads != null ? threads : 1);
    if (valSplit < 0 || valSplit >= 60_000) {
      throw new BadInputException("--val-split " + valSplit + ": expected 0 <= N < the training images");
    }
    if (shots < 0) {
      throw new BadInputException("--shots " + shots + ": expected K >= 1 (or 0 for all images)");
    }
    for (String layer : beanLayers) {
      if (!net.beanLayerNames().contains(layer)) {
        throw new BadInputException("--bean-layers " + String.join(",", beanLayers) + ": " + model
            + " has no BEAN layer '" + layer + "' (expected some of " + String.join(", ", net.beanLayerNames())
            + ")");
      }
    }
    Divergence div = parse(Divergence.class, "--divergence", divergence);
    LossForm lossForm = parse(LossForm.class, "--form", form);
    if (div == Divergence.ABSOLUTE && (lossForm == LossForm.DENSE || lossForm == LossForm.LOWRANK)) {
      throw new BadInputException("--form " + form + ": exists only for the squared divergence (expected auto or "
          + "broadcast with --divergence absolute)");
    }
    if (!augment.equals("none") && !augment.equals("flip")) {
      throw new BadInputException("--augment " + augment + ": expected none or flip");
    }
    TrainConfig.Builder builder = TrainConfig.builder(model, id).regularizers(regs).alpha(a).dropout(p).l2(decay)
        .l1(sparsity).gamma(gamma).divergence(div).form(lossForm)
        .normalization(parse(Normalization.class, "--normalization", normalization)).beanLayers(beanLayers)
        .validation(valSplit).batch(batch).learningRate(rate).seed(seed).shots(shots)
        .augmentFlip(augment.equals("flip"));
    if (threads != null) {
      builder.threads(threads);
    }
    return (untilConverged ? builder.untilConverged(patience, maxEpochs) : builder.epochs(epochs)).build();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + " " + value + ": expected one of " + String.join(", ",
          Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }
  }

  private static void nonNegative(String option, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new BadInputException(option + " " + value + ": expected a finite number >= 0");
    }
  }

  private static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new BadInputException(option + " " + value + ": expected a finite number > 0");
    }
  }

  private static void positiveInt(String option, int value) {
    if (value <= 0) {
      throw new BadInputException(option + " " + value + ": expected an integer >= 1");
    }
  }
}
