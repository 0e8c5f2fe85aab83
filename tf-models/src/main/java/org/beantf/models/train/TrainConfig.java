package org.beantf.models.train;

import java.util.List;
import java.util.Set;
import org.beantf.bean.BeanRegularizer;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.DatasetId;

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
public record TrainConfig(String model, DatasetId dataset, Set<Regularization> regs, double alpha, double dropout,
    double l2, double l1, double gamma, Divergence divergence, LossForm form, Normalization normalization,
    List<String> beanLayers, int epochs, boolean untilConverged, int patience, int validation, int batch,
    double learningRate, long seed, int threads, int shots, boolean augmentFlip) {

  public TrainConfig {
    regs = Set.copyOf(regs);
    beanLayers = List.copyOf(beanLayers);
    if (batch < 1 || epochs < 1 || patience < 1 || threads < 1 || shots < 0 || validation < 0) {
      throw new IllegalArgumentException("batch " + batch + ", epochs " + epochs + ", patience " + patience
          + " and threads " + threads + " must be >= 1; shots " + shots + " and validation " + validation
          + " >= 0");
    }
    if (!(learningRate > 0) || !(alpha >= 0) || !(dropout >= 0 && dropout < 1) || !(l2 >= 0) || !(l1 >= 0)) {
      throw new IllegalArgumentException("learning rate " + learningRate + " must be > 0, alpha " + alpha + ", l2 "
          + l2 + " and l1 " + l1 + " >= 0, dropout " + dropout + " in [0, 1)");
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

  /** A configuration of {@code model} on {@code dataset} with every default (vanilla, 5 epochs, seed 1). */
  public static Builder builder(String model, DatasetId dataset) {
    return new Builder(model, dataset);
  }

  /** Builds a {@link TrainConfig} from the defaults of {@link Defaults} and the paper. */
  public static final class Builder {
    private final String model;
    private final DatasetId dataset;
    private Set<Regularization> regs = Set.of();
    private Double alpha;
    private double dropout = Defaults.DROPOUT;
    private double l2;
    private double l1;
    private double gamma = Defaults.GAMMA;
    private Divergence divergence = Divergence.SQUARED;
    private LossForm form = LossForm.AUTO;
    private Normalization normalization = Normalization.PAPER;
    private List<String> beanLayers = List.of();
    private int epochs = 5;
    private boolean untilConverged;
    private int patience = 3;
    private int validation;
    private int batch = Defaults.BATCH;
    private double learningRate;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int shots;
    private boolean augmentFlip;

    private Builder(String model, DatasetId dataset) {
      this.model = model;
      this.dataset = dataset;
      this.l2 = Defaults.l2(model);
      this.l1 = Defaults.l1(model);
      this.learningRate = Defaults.learningRate(model);
    }

    public Builder regularizers(Regularization... value) {
      this.regs = Set.of(value);
      return this;
    }

    public Builder regularizers(Set<Regularization> value) {
      this.regs = Set.copyOf(value);
      return this;
    }

    /** α of BEAN; the default is {@link Defaults#alpha} for the model and order. */
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
      double a = alpha != null ? alpha : Defaults.alpha(model, Math.max(1, Regularization.beanOrder(regs)));
      return new TrainConfig(model, dataset, regs, a, dropout, l2, l1, gamma, divergence, form, normalization,
          beanLayers, epochs, untilConverged, patience, validation, batch, learningRate, seed, threads, shots,
          augmentFlip);
    }
  }
}
