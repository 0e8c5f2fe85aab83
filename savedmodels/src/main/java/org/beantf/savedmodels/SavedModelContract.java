package org.beantf.savedmodels;

/**
 * The names a BEAN SavedModel promises to TensorFlow Serving and to {@link BeanModel} (DESIGN.md
 * "SavedModel"). One place for every signature, input and output name.
 */
public final class SavedModelContract {
  /**
   * The asset (in the version folder's {@code assets/}) recording the BEAN settings the model was
   * exported with: γ, the normalisation, the BEAN order trained with, α and the divergence, as JSON
   * (DESIGN.md "SavedModel"). {@code bean analyze --model} reads it.
   */
  public static final String BEAN_SETTINGS_ASSET = "bean.json";

  /**
   * The asset naming the classes, one per line in label order (UTF-8): what {@code class_names}
   * returns and {@link BeanModel#classNames()} reads.
   */
  public static final String CLASSES_ASSET = "classes.txt";

  /**
   * The asset naming a table's feature columns, one per line in input order (UTF-8), for models
   * whose input is {@link #FEATURES}; {@code bean predict --csv} matches a table's columns to it.
   */
  public static final String FEATURES_ASSET = "features.txt";

  /**
   * The asset recording where a model's own data came from and how it was read (the run's
   * config.json "data" object: source, options, class and feature names, standardisation), for
   * models trained on the user's data: {@code bean evaluate} reads the same test split from it.
   */
  public static final String DATASET_ASSET = "dataset.json";

  /** The MetaGraph tag TensorFlow Serving loads. */
  public static final String TAG = "serve";

  /** The method of both signatures (TF Java's builder leaves it empty otherwise). */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /**
   * The default signature: images in, predictions out; every output has the batch dimension first.
   */
  public static final String SERVING_DEFAULT = "serving_default";

  /**
   * The signature that also returns each BEAN layer's activations, weights and correlation
   * matrices.
   */
  public static final String BEAN_SIGNATURE = "bean";

  /** Input of both signatures for image models: float32 [-1, H, W, C], raw pixels in [0,1]. */
  public static final String IMAGES = "images";

  /**
   * Input of both signatures for table models: float32 [-1, F], the feature columns as the table
   * holds them (the graph standardises them).
   */
  public static final String FEATURES = "features";

  /** float32 [-1, classes]. */
  public static final String LOGITS = "logits";

  /** float32 [-1, classes], softmax of the logits. */
  public static final String PROBABILITIES = "probabilities";

  /** int64 [-1], the most probable class. */
  public static final String CLASS_IDS = "class_ids";

  /** string [-1], the most probable class's name. */
  public static final String CLASS_NAMES = "class_names";

  private SavedModelContract() {}

  /** "activations/<layer>": float32 [-1, N]. */
  public static String activations(String layer) {
    return "activations/" + layer;
  }

  /** "weights/<layer>": float32 [N, M], the layer's outgoing weights. */
  public static String weights(String layer) {
    return "weights/" + layer;
  }

  /** "correlation1/<layer>" or "correlation2/<layer>": float32 [N, N]. */
  public static String correlation(String layer, int order) {
    if (order != 1 && order != 2) {
      throw new IllegalArgumentException("correlation order " + order + " (expected 1 or 2)");
    }
    return "correlation" + order + "/" + layer;
  }

  /** The layer a "weights/<layer>" output is about, or null for any other output name. */
  static String layerOfWeights(String outputName) {
    return outputName.startsWith("weights/") ? outputName.substring("weights/".length()) : null;
  }
}
