package org.beantf.models.train;

import java.util.List;
import java.util.Set;
import org.beantf.bean.BeanRegularizer;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Model;
import org.beantf.models.ModelDefaults;
import org.beantf.models.ModelKind;
import org.tensorflow.ndarray.Shape;

/**
 * Everything that determines a training run, with every default resolved. Two runs with equal configurations and
 * seeds produce bit-identical weights; {@code --resume} refuses a run directory made with another configuration.
 *
 * @param alpha α of BEAN (used when {@code regs} has bean1 or bean2)
 * @param beanLayers the BEAN layers to regularize; empty for all of the model's
 * @param epochs the epochs to train, or the cap when {@code untilConverged}
 * @param patience epochs without improvement before {@code untilConverged} stops
 * @param validation images held out of training for early stopping and model selection (0 for none)
 * @param shots images per class to train on, or 0 for the full training set
 * @param augmentFlip random horizontal flips of training images (CIFAR-10)
 * @param threads TensorFlow's intra-op threads (inter-op is 1), fixed so results do not depend on the machine
 */
public record TrainConfig(ModelKind model, DatasetId dataset, Set<Regularization> regs, double alpha, double dropout,
    double l2, double l1, double gamma, Divergence divergence, LossForm form, Normalization normalization,
    List<String> beanLayers, int epochs, boolean untilConverged, int patience, int validation, int batch,
    double learningRate, long seed, int threads, int shots, boolean augmentFlip) {

  /**
   * Checks every setting, once: the one place they are validated.
   *
   * @throws InvalidSettingException naming the setting (as the command line's option without dashes)
   */
  public TrainConfig {
    regs = Set.copyOf(regs);
    beanLayers = List.copyOf(beanLayers);
    String unfit = model.unfitInput(dataset.height(), dataset.width(), dataset.channels());
    if (unfit != null) {
      throw InvalidSettingException.of(unfit, "model", model, "dataset", dataset);
    }
    nonNegative("alpha", alpha);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new InvalidSettingException("dropout", dropout, "expected 0 <= P < 1");
    }
    nonNegative("l2", l2);
    nonNegative("l1", l1);
    positive("gamma", gamma);
    positive("lr", learningRate);
    atLeastOne("batch", batch);
    atLeastOne(untilConverged ? "max-epochs" : "epochs", epochs);
    atLeastOne("patience", patience);
    atLeastOne("threads", threads);
    if (validation < 0 || validation >= dataset.trainSize()) {
      throw new InvalidSettingException("val-split", validation, "expected 0 <= N < " + dataset.trainSize()
          + ", the training images of " + dataset);
    }
    if (shots < 0) {
      throw new InvalidSettingException("shots", shots, "expected K >= 1 (or 0 for all images)");
    }
    for (String layer : beanLayers) {
      if (!model.beanLayerNames().contains(layer)) {
        throw new InvalidSettingException("bean-layers", String.join(",", beanLayers), model + " has no BEAN layer '"
            + layer + "' (expected some of " + String.join(", ", model.beanLayerNames()) + ")");
      }
    }
    if (divergence == Divergence.ABSOLUTE && (form == LossForm.DENSE || form == LossForm.LOWRANK)) {
      throw new InvalidSettingException("form", form.cliName(), "exists only for the squared divergence (expected "
          + "auto or broadcast with --divergence absolute)");
    }
  }

  private static void nonNegative(String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidSettingException(parameter, value, "expected a finite number >= 0");
    }
  }

  private static void positive(String parameter, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidSettingException(parameter, value, "expected a finite number > 0");
    }
  }

  private static void atLeastOne(String parameter, int value) {
    if (value < 1) {
      throw new InvalidSettingException(parameter, value, "expected an integer >= 1");
    }
  }

  /** The BEAN order: 1, 2, or 0 without BEAN. */
  public int beanOrder() {
    return Regularization.beanOrder(regs);
  }

  /** The BEAN regularizer of this run, or null without BEAN. */
  public BeanRegularizer bean() {
    int order = beanOrder();
    return order == 0 ? null
        : new BeanRegularizer(order, divergence, gamma, alpha, form, normalization, batch);
  }

  /** The dropout rate, 0 unless dropout is one of the regularizers. */
  public double dropoutRate() {
    return regs.contains(Regularization.DROPOUT) ? dropout : 0;
  }

  /**
   * The model this configuration trains, for images of {@code imageShape} [H, W, C] and the dataset's classes,
   * with the configuration's dropout: the one place a run's model is built.
   *
   * @throws org.beantf.data.InvalidSettingException if the images do not fit the model
   */
  public Model buildModel(Shape imageShape) {
    return model.build(imageShape, dataset.classes(), dropoutRate());
  }

  /** A configuration of {@code model} on {@code dataset} with every default (vanilla, 5 epochs, seed 1). */
  public static Builder builder(ModelKind model, DatasetId dataset) {
    return new Builder(model, dataset);
  }

  /** Builds a {@link TrainConfig} from the model's {@link ModelDefaults} and the paper's. */
  public static final class Builder {
    private final ModelKind model;
    private final DatasetId dataset;
    private Set<Regularization> regs = Set.of();
    private Double alpha;
    private double dropout = ModelDefaults.DROPOUT;
    private double l2;
    private double l1;
    private double gamma = ModelDefaults.GAMMA;
    private Divergence divergence = Divergence.SQUARED;
    private LossForm form = LossForm.AUTO;
    private Normalization normalization = Normalization.PAPER;
    private List<String> beanLayers = List.of();
    private int epochs = 5;
    private boolean untilConverged;
    private int patience = 3;
    private int validation;
    private int batch = ModelDefaults.BATCH;
    private double learningRate;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int shots;
    private boolean augmentFlip;

    private Builder(ModelKind model, DatasetId dataset) {
      this.model = model;
      this.dataset = dataset;
      this.l2 = model.defaults().weightDecay();
      this.l1 = model.defaults().l1();
      this.learningRate = model.defaults().learningRate();
    }

    public Builder regularizers(Regularization... value) {
      this.regs = Set.of(value);
      return this;
    }

    public Builder regularizers(Set<Regularization> value) {
      this.regs = Set.copyOf(value);
      return this;
    }

    /** α of BEAN; the default is {@link ModelDefaults#alpha} for the model and order. */
    public Builder alpha(double value) {
      this.alpha = value;
      return this;
    }

    public Builder dropout(double value) {
      this.dropout = value;
      return this;
    }

    public Builder l2(double value) {
      this.l2 = value;
      return this;
    }

    public Builder l1(double value) {
      this.l1 = value;
      return this;
    }

    public Builder gamma(double value) {
      this.gamma = value;
      return this;
    }

    public Builder divergence(Divergence value) {
      this.divergence = value;
      return this;
    }

    public Builder form(LossForm value) {
      this.form = value;
      return this;
    }

    public Builder normalization(Normalization value) {
      this.normalization = value;
      return this;
    }

    public Builder beanLayers(List<String> value) {
      this.beanLayers = List.copyOf(value);
      return this;
    }

    public Builder epochs(int value) {
      this.epochs = value;
      this.untilConverged = false;
      return this;
    }

    /** Train until no improvement for {@code patienceEpochs}, at most {@code maxEpochs}. */
    public Builder untilConverged(int patienceEpochs, int maxEpochs) {
      this.untilConverged = true;
      this.patience = patienceEpochs;
      this.epochs = maxEpochs;
      return this;
    }

    public Builder validation(int value) {
      this.validation = value;
      return this;
    }

    public Builder batch(int value) {
      this.batch = value;
      return this;
    }

    public Builder learningRate(double value) {
      this.learningRate = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    public Builder shots(int value) {
      this.shots = value;
      return this;
    }

    public Builder augmentFlip(boolean value) {
      this.augmentFlip = value;
      return this;
    }

    public TrainConfig build() {
      double a = alpha != null ? alpha : model.defaults().alpha(Math.max(1, Regularization.beanOrder(regs)));
      return new TrainConfig(model, dataset, regs, a, dropout, l2, l1, gamma, divergence, form, normalization,
          beanLayers, epochs, untilConverged, patience, validation, batch, learningRate, seed, threads, shots,
          augmentFlip);
    }
  }
}
