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

  /** Why images of height × width × channels do not fit this model, or null when they do. */
  public String unfitInput(long height, long width, long channels) {
    return switch (this) {
      case MLP -> null;
      // conv same, pool 2, conv 5 valid, pool 2: at least 12 pixels a side leave one 1x1 feature
      // map
      case LENET5 ->
          height >= 12 && width >= 12
              ? null
              : "LeNet-5 needs images of at least 12x12, got " + height + "x" + width;
      case RESNET18 ->
          height == 32 && width == 32 && channels == 3
              ? null
              : "the CIFAR variant of ResNet18 expects 32x32x3 images, got "
                  + height
                  + "x"
                  + width
                  + "x"
                  + channels;
    };
  }

  /**
   * The model for images of {@code imageShape} [H, W, C] and {@code classes} classes.
   *
   * @param dropoutRate dropout after the dense hidden layers (ResNet18: on the pooled features), 0
   *     for none, from the run's regularizers
   * @throws InvalidSettingException if the images do not fit the model
   */
  public Model build(Shape imageShape, int classes, double dropoutRate) {
    String unfit = unfitInput(imageShape.get(0), imageShape.get(1), imageShape.get(2));
    if (unfit != null) {
      throw new InvalidSettingException("model", id, unfit);
    }
    return switch (this) {
      case MLP -> new Mlp(classes, dropoutRate);
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
