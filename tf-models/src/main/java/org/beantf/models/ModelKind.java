package org.beantf.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beantf.data.InvalidSettingException;
import org.tensorflow.ndarray.Shape;

/**
 * The models, with what is known of each before one is built: its id, its BEAN layers (declared
 * once, by the model class whose forward pass uses the same constants), the input it can take and
 * its default settings.
 *
 * <p>Defaults (docs/RESULTS.md "Default strengths" and "Learning rate"): MLP (lr 5e-4, the
 * paper's): BEAN-1 α = 100, BEAN-2 α = 1e4, weight decay 1e-4, ℓ1 1e-5. LeNet-5 (lr 1e-3, at which
 * vanilla reaches 98.9% in 5 epochs against 98.55% at 5e-4): BEAN-1 α = 100, BEAN-2 α = 1e5, weight
 * decay 1e-3, ℓ1 1e-4 (the sweep ran at 5e-4, where BEAN-1's rule gave 1e3; at 1e-3, α = 1e3 costs
 * 0.56 point and 100 is the strongest setting within 0.5). ResNet18 has no sweep; its BEAN layer
 * (512 → classes) has the MLP's shape (500 → 10), so it takes the MLP's values.
 */
public enum ModelKind {
  MLP("mlp", Mlp.BEAN_LAYERS, new ModelDefaults(5e-4, 100, 1e4, 1e-4, 1e-5)),
  LENET5("lenet5", LeNet5.BEAN_LAYERS, new ModelDefaults(1e-3, 100, 1e5, 1e-3, 1e-4)),
  RESNET18("resnet18", ResNet18.BEAN_LAYERS, MLP.defaults);

  private final String id;
  private final List<String> beanLayerNames;
  private final ModelDefaults defaults;

  ModelKind(String id, List<String> beanLayerNames, ModelDefaults defaults) {
    this.id = id;
    this.beanLayerNames = beanLayerNames;
    this.defaults = defaults;
  }

  /** The name used on the command line and in config.json ("mlp", "lenet5", "resnet18"). */
  public String id() {
    return id;
  }

  /** The BEAN layer names, in the order of DESIGN.md's table. */
  public List<String> beanLayerNames() {
    return beanLayerNames;
  }

  /** The model's default learning rate and regularizer strengths. */
  public ModelDefaults defaults() {
    return defaults;
  }

  /**
   * Why an input of {@code shape} ([H, W, C] images or [F] features) does not fit this model, or
   * null when it does.
   */
  public String unfitInput(Shape shape) {
    if (this == MLP) {
      return null; // it flattens any input
    }
    if (shape.numDimensions() != 3) {
      return describe()
          + " takes images of [H, W, C], not "
          + shape.get(0)
          + " features (expected --model mlp for a table)";
    }
    long height = shape.get(0);
    long width = shape.get(1);
    long channels = shape.get(2);
    return switch (this) {
      case MLP -> null;
      // conv same, pool 2, conv 5 valid, pool 2: at least 12 pixels a side leave one 1x1 feature
      // map
      case LENET5 ->
          height >= 12 && width >= 12
              ? null
              : "LeNet-5 needs images of at least 12x12, got " + height + "x" + width;
      // a 3x3 stem and three stride-2 stages: at least 8 pixels a side leave a 1x1 map
      case RESNET18 ->
          height >= 8 && width >= 8
              ? null
              : "ResNet18 needs images of at least 8x8, got " + height + "x" + width;
    };
  }

  private String describe() {
    return switch (this) {
      case MLP -> "the MLP";
      case LENET5 -> "LeNet-5";
      case RESNET18 -> "ResNet18";
    };
  }

  /**
   * The model for inputs of {@code shape} ([H, W, C] or [F]) and {@code classes} classes.
   *
   * @param dropoutRate dropout after the dense hidden layers (ResNet18: on the pooled features), 0
   *     for none, from the run's regularizers
   * @param hidden the units of each of the MLP's hidden layers (ignored by the other models)
   * @throws InvalidSettingException if the input does not fit the model
   */
  public Model build(Shape shape, int classes, double dropoutRate, List<Integer> hidden) {
    String unfit = unfitInput(shape);
    if (unfit != null) {
      throw new InvalidSettingException("model", id, unfit);
    }
    return switch (this) {
      case MLP -> new Mlp(classes, dropoutRate, hidden);
      case LENET5 -> new LeNet5(classes, dropoutRate);
      case RESNET18 -> new ResNet18(classes, dropoutRate);
    };
  }

  /**
   * The model named {@code id}.
   *
   * @throws InvalidSettingException for an unknown name
   */
  public static ModelKind parse(String id) {
    for (ModelKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new InvalidSettingException(
        "model",
        id,
        "unknown model (expected one of "
            + String.join(", ", Arrays.stream(values()).map(ModelKind::id).toList())
            + ")");
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
