package org.beantf.models.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beantf.bean.Divergence;
import org.beantf.bean.LossForm;
import org.beantf.bean.Normalization;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Architecture;
import org.beantf.models.Model;
import org.beantf.models.ModelDefaults;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.WeightInit;
import org.beantf.models.regularizers.BeanRegularization;
import org.beantf.models.regularizers.Regularizer;
import org.beantf.models.regularizers.Regularizers;
import org.beantf.models.regularizers.Settings;
import org.tensorflow.ndarray.Shape;

/**
 * Everything that determines a training run, with every default resolved. Two runs with equal
 * configurations and seeds produce bit-identical weights; {@code --resume} refuses a run directory
 * made with another configuration.
 *
 * @param data the dataset's source, input shape, class names and preprocessing
 * @param hidden the units of each of the MLP's hidden layers (the paper's [500]; BEAN regularizes
 *     every one)
 * @param regularizers the run's regularizers (what {@code --reg} named) and every registered type's
 *     settings
 * @param gamma γ of the connectivity f(W) = |tanh(γW)|, for BEAN and for the correlation matrices
 *     every run exports
 * @param normalization the correlation matrices' normalisation, for BEAN and for the exported
 *     matrices
 * @param epochs the epochs to train, or the cap when {@code untilConverged}
 * @param patience epochs without improvement before {@code untilConverged} stops
 * @param validation images held out of training for early stopping and model selection (0 for none)
 * @param shots images per class to train on, or 0 for the full training set
 * @param augmentFlip random horizontal flips of training images (CIFAR-10)
 * @param init how dense and convolution layers draw their initial kernels and biases
 * @param threads TensorFlow's intra-op threads (inter-op is 1), fixed so results do not depend on
 *     the machine
 */
public record TrainConfig(
    ModelKind model,
    DatasetInfo data,
    List<Integer> hidden,
    Regularizers.Resolved regularizers,
    double gamma,
    Normalization normalization,
    int epochs,
    boolean untilConverged,
    int patience,
    int validation,
    int batch,
    double learningRate,
    long seed,
    int threads,
    int shots,
    boolean augmentFlip,
    WeightInit init) {

  /**
   * Checks every setting of the run, once (the regularizers checked theirs when they were
   * resolved).
   *
   * @throws InvalidSettingException naming the setting (as the command line's option without
   *     dashes)
   */
  public TrainConfig {
    String unfit = model.unfitInput(data.shape());
    if (unfit != null) {
      throw InvalidSettingException.of(unfit, "model", model, "dataset", data.name());
    }
    hidden = List.copyOf(hidden);
    if (hidden.isEmpty() || hidden.stream().anyMatch(units -> units < 1)) {
      throw new InvalidSettingException(
          "hidden", join(hidden), "expected a comma list of integers >= 1, as 500 or 256,128");
    }
    if (model != ModelKind.MLP && !hidden.equals(List.of(ModelDefaults.HIDDEN))) {
      throw new InvalidSettingException(
          "hidden", join(hidden), "applies to --model mlp only (" + model + " has fixed layers)");
    }
    positive("gamma", gamma);
    positive("lr", learningRate);
    atLeastOne("batch", batch);
    atLeastOne(untilConverged ? "max-epochs" : "epochs", epochs);
    atLeastOne("patience", patience);
    atLeastOne("threads", threads);
    if (validation < 0 || validation >= data.trainSize()) {
      throw new InvalidSettingException(
          "val-split",
          validation,
          "expected 0 <= N < " + data.trainSize() + ", the training examples of " + data.name());
    }
    if (shots < 0) {
      throw new InvalidSettingException("shots", shots, "expected K >= 1 (or 0 for all images)");
    }
  }

  private static String join(List<Integer> units) {
    return String.join(",", units.stream().map(String::valueOf).toList());
  }

  /** The model kind with its sizes: what the BEAN layer names depend on. */
  public Architecture architecture() {
    return new Architecture(model, hidden);
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

  /** The regularizers the run trains with, in the order their penalties are summed. */
  public List<Regularizer> active() {
    return regularizers.active();
  }

  /** The run's BEAN regularizer, if it has one. */
  public Optional<BeanRegularization> bean() {
    return active().stream()
        .filter(BeanRegularization.class::isInstance)
        .map(BeanRegularization.class::cast)
        .findFirst();
  }

  /** The BEAN order: 1, 2, or 0 without BEAN. */
  public int beanOrder() {
    return bean().map(BeanRegularization::order).orElse(0);
  }

  /** The dropout rate the regularizers ask of the model, 0 without dropout. */
  public double dropoutRate() {
    return active().stream().mapToDouble(Regularizer::dropoutRate).max().orElse(0);
  }

  /**
   * The model this configuration trains, for the dataset's input shape and classes, with the
   * configuration's dropout: the one place a run's model is built.
   *
   * @throws InvalidSettingException if the input does not fit the model
   */
  public Model buildModel() {
    return model.build(data.shape(), data.classes(), dropoutRate(), hidden);
  }

  /** The input shape of one example: [H, W, C] or [F]. */
  public Shape inputShape() {
    return data.shape();
  }

  /**
   * A configuration of {@code model} on {@code data} with every default (vanilla, 5 epochs, seed
   * 1).
   */
  public static Builder builder(ModelKind model, DatasetInfo data) {
    return new Builder(model, data);
  }

  /** A configuration of {@code model} on a built-in dataset with every default. */
  public static Builder builder(ModelKind model, DatasetId dataset) {
    return new Builder(model, DatasetInfo.of(dataset));
  }

  /** Builds a {@link TrainConfig} from the model's {@link ModelDefaults} and the paper's. */
  public static final class Builder {
    private final ModelKind model;
    private final DatasetInfo data;
    private List<Integer> hidden = List.of(ModelDefaults.HIDDEN);
    private String regularizers = "none";
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private double gamma = ModelDefaults.GAMMA;
    private Normalization normalization = Normalization.PAPER;
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
    private WeightInit init = WeightInit.GLOROT;

    private Builder(ModelKind model, DatasetInfo data) {
      this.model = model;
      this.data = data;
      this.learningRate = model.defaults().learningRate();
    }

    /** The regularizers, as {@code --reg} names them: "bean2,dropout", or "none". */
    public Builder regularizers(String list) {
      this.regularizers = list;
      return this;
    }

    /**
     * A regularizer setting, by parameter name ({@link
     * org.beantf.models.regularizers.RegularizerType#parameters}); those not set take the model's
     * defaults.
     */
    public Builder set(String parameter, Object value) {
      settings.put(parameter, value);
      return this;
    }

    /** α of BEAN; the default is {@link ModelDefaults#alpha} for the model and order. */
    public Builder alpha(double value) {
      return set("alpha", value);
    }

    public Builder dropout(double value) {
      return set("dropout", value);
    }

    public Builder l2(double value) {
      return set("l2", value);
    }

    public Builder l1(double value) {
      return set("l1", value);
    }

    public Builder divergence(Divergence value) {
      return set("divergence", value);
    }

    public Builder form(LossForm value) {
      return set("form", value);
    }

    /** The BEAN layers to regularize; empty for all of the model's. */
    public Builder beanLayers(List<String> value) {
      return set("bean-layers", List.copyOf(value));
    }

    /** The units of each of the MLP's hidden layers ({@code --hidden 256,128}). */
    public Builder hidden(List<Integer> units) {
      this.hidden = List.copyOf(units);
      return this;
    }

    /** The units of each of the MLP's hidden layers. */
    public Builder hidden(Integer... units) {
      return hidden(List.of(units));
    }

    public Builder gamma(double value) {
      this.gamma = value;
      return this;
    }

    public Builder normalization(Normalization value) {
      this.normalization = value;
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

    /** How the layers draw their initial weights; {@link WeightInit#GLOROT} by default. */
    public Builder init(WeightInit value) {
      this.init = value;
      return this;
    }

    /**
     * The configuration, every setting checked.
     *
     * @throws InvalidSettingException naming the first setting that is not valid
     */
    public TrainConfig build() {
      return new TrainConfig(
          model,
          data,
          hidden,
          Regularizers.resolve(
              regularizers, new Architecture(model, hidden), Settings.of(settings)),
          gamma,
          normalization,
          epochs,
          untilConverged,
          patience,
          validation,
          batch,
          learningRate,
          seed,
          threads,
          shots,
          augmentFlip,
          init);
    }
  }
}
