package org.beantf.savedmodels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.beantf.data.images.AlphaBackground;
import org.beantf.data.images.ImageFiles;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * A BEAN SavedModel for JVM applications: predictions, and each BEAN layer's activations, weights
 * and correlation matrices. Safe to use from many threads at once; {@link #close} waits for calls
 * in flight. Inputs are checked before they reach TensorFlow, so a wrong shape is an {@link
 * IllegalArgumentException} naming expected and got.
 *
 * <pre>{@code
 * try (BeanModel model = BeanModel.load(Path.of("runs/mlp/savedmodel/mlp/1"))) {
 *   Prediction p = model.predict(pixels, 1);   // raw pixels in [0,1], NHWC
 *   float[][] a2 = model.correlation("hidden", 2);
 * }
 * }</pre>
 */
public final class BeanModel implements AutoCloseable {
  private final Path folder;
  private final SavedModelBundle bundle;
  private final SignatureDef serving;
  private final SignatureDef bean;
  private final String inputName;
  private final long[] inputShape;
  private final List<String> classNames;
  // resolved once: feeding and fetching by name would look each one up in the graph on every call
  private final Output<?> servingImages;
  private final Output<?> probabilities;
  private final Output<?> classIds;
  private final Output<?> logits;
  // sorted by name, made once: bean serve asks for them on every request
  private final Map<String, SignatureDef> signatureDefs;
  // every signature's input and outputs, resolved once for run(signature, ...)
  private final Map<String, SignatureTensors> signatureTensors = new TreeMap<>();
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private BeanModel(Path folder, SavedModelBundle bundle) {
    this.folder = folder;
    this.bundle = bundle;
    Map<String, SignatureDef> signatures = bundle.metaGraphDef().getSignatureDefMap();
    this.signatureDefs = Collections.unmodifiableMap(new TreeMap<>(signatures));
    this.serving = signatures.get(SavedModelContract.SERVING_DEFAULT);
    this.bean = signatures.get(SavedModelContract.BEAN_SIGNATURE);
    this.inputName = serving == null ? null : inputNameOf(serving);
    if (inputName == null) {
      bundle.close();
      throw noInput(folder);
    }
    TensorShapeProto shape = serving.getInputsOrThrow(inputName).getTensorShape();
    this.inputShape =
        shape.getDimList().stream().skip(1).mapToLong(TensorShapeProto.Dim::getSize).toArray();
    try {
      this.servingImages = graphTensor(serving, true, inputName);
      this.probabilities = graphTensor(serving, false, SavedModelContract.PROBABILITIES);
      this.classIds = graphTensor(serving, false, SavedModelContract.CLASS_IDS);
      this.logits = graphTensor(serving, false, SavedModelContract.LOGITS);
      for (var entry : signatures.entrySet()) {
        signatureTensors.put(entry.getKey(), resolve(entry.getValue()));
      }
      this.classNames =
          namesOf(folder, SavedModelContract.CLASSES_ASSET)
              .orElseGet(
                  () ->
                      digits(
                          serving
                              .getOutputsOrThrow(SavedModelContract.PROBABILITIES)
                              .getTensorShape()
                              .getDim(1)
                              .getSize()));
    } catch (IllegalArgumentException e) {
      bundle.close();
      throw new InvalidModelException(
          folder
              + ": the '"
              + SavedModelContract.SERVING_DEFAULT
              + "' signature "
              + "does not match its graph ("
              + e.getMessage()
              + "; expected a SavedModel exported by bean)");
    }
  }

  /** "images" or "features": the input a BEAN SavedModel's signature has, or null. */
  private static String inputNameOf(SignatureDef signature) {
    for (String name : List.of(SavedModelContract.IMAGES, SavedModelContract.FEATURES)) {
      if (signature.getInputsMap().containsKey(name)) {
        return name;
      }
    }
    return null;
  }

  private static InvalidModelException noInput(Path version) {
    return new InvalidModelException(
        version
            + ": no '"
            + SavedModelContract.SERVING_DEFAULT
            + "' signature with an '"
            + SavedModelContract.IMAGES
            + "' or '"
            + SavedModelContract.FEATURES
            + "' input (expected a SavedModel exported by bean)");
  }

  /** The lines of a names asset ({@code classes.txt}, {@code features.txt}), if it has one. */
  private static Optional<List<String>> namesOf(Path folder, String asset) {
    return assetOf(folder, asset).map(text -> List.copyOf(text.lines().toList()));
  }

  /** "0".."K-1": the class names of a model exported before classes.txt existed. */
  private static List<String> digits(long classes) {
    List<String> names = new ArrayList<>();
    for (long k = 0; k < classes; k++) {
      names.add(Long.toString(k));
    }
    return List.copyOf(names);
  }

  /** A signature's one input and its outputs, by name (sorted), resolved in the graph. */
  private record SignatureTensors(
      Output<?> input, List<String> outputNames, List<Output<?>> outputs, List<DataType> dtypes) {}

  private SignatureTensors resolve(SignatureDef signature) {
    String input = inputNameOf(signature);
    if (input == null) {
      throw new IllegalArgumentException("a signature without an 'images' or 'features' input");
    }
    List<String> names = new ArrayList<>(new TreeMap<>(signature.getOutputsMap()).keySet());
    List<Output<?>> outputs = new ArrayList<>();
    List<DataType> dtypes = new ArrayList<>();
    for (String name : names) {
      outputs.add(graphTensor(signature, false, name));
      dtypes.add(signature.getOutputsOrThrow(name).getDtype());
    }
    return new SignatureTensors(
        graphTensor(signature, true, input), List.copyOf(names), List.copyOf(outputs), dtypes);
  }

  private Output<?> graphTensor(SignatureDef signature, boolean input, String name) {
    return bundle.graph().outputOrThrow(tensor(signature, input, name));
  }

  /**
   * Loads a SavedModel: a version folder holding saved_model.pb, or a TensorFlow Serving model base
   * whose highest numeric version is taken.
   *
   * @throws InvalidModelException if the folder is missing or holds no BEAN SavedModel
   */
  public static BeanModel load(Path folder) {
    Path version = versionFolder(folder);
    SavedModelBundle bundle = SavedModelBundle.load(version.toString(), SavedModelContract.TAG);
    return new BeanModel(version, bundle);
  }

  /**
   * The shape of one input the SavedModel in {@code folder} expects, [H, W, C] for images or [F]
   * for features, read from saved_model.pb without loading TensorFlow: callers can check their
   * input before the native library prints anything.
   *
   * @throws InvalidModelException if the folder holds no BEAN SavedModel
   */
  public static Shape inputShapeOf(Path folder) {
    Path version = versionFolder(folder);
    for (var meta : savedModel(version).getMetaGraphsList()) {
      SignatureDef serving = meta.getSignatureDefMap().get(SavedModelContract.SERVING_DEFAULT);
      String input = serving == null ? null : inputNameOf(serving);
      if (input != null) {
        return Shape.of(
            serving.getInputsOrThrow(input).getTensorShape().getDimList().stream()
                .skip(1)
                .mapToLong(TensorShapeProto.Dim::getSize)
                .toArray());
      }
    }
    throw noInput(version);
  }

  /**
   * The class names of the SavedModel in {@code folder}, in label order (as {@link #classNames()}),
   * read without loading TensorFlow.
   *
   * @throws InvalidModelException if the folder holds no BEAN SavedModel
   */
  public static List<String> classNamesOf(Path folder) {
    Path version = versionFolder(folder);
    Optional<List<String>> named = namesOf(version, SavedModelContract.CLASSES_ASSET);
    if (named.isPresent()) {
      return named.get();
    }
    for (var meta : savedModel(version).getMetaGraphsList()) {
      SignatureDef serving = meta.getSignatureDefMap().get(SavedModelContract.SERVING_DEFAULT);
      if (serving != null
          && serving.getOutputsMap().containsKey(SavedModelContract.PROBABILITIES)) {
        return digits(
            serving
                .getOutputsOrThrow(SavedModelContract.PROBABILITIES)
                .getTensorShape()
                .getDim(1)
                .getSize());
      }
    }
    throw noInput(version);
  }

  /**
   * The feature columns a table model was trained on, in input order (its {@code
   * assets/features.txt}), read without loading TensorFlow; empty for image models.
   *
   * @throws InvalidModelException if the folder holds no SavedModel
   */
  public static List<String> featureNamesOf(Path folder) {
    return namesOf(versionFolder(folder), SavedModelContract.FEATURES_ASSET).orElse(List.of());
  }

  /**
   * The BEAN layers of the SavedModel in {@code folder}, each with the shape [N, M] of its outgoing
   * weights, read from saved_model.pb without loading TensorFlow (like {@link #inputShapeOf});
   * empty without a 'bean' signature.
   *
   * @throws InvalidModelException if the folder holds no SavedModel
   */
  public static Map<String, Shape> layerShapesOf(Path folder) {
    Map<String, Shape> layers = new TreeMap<>();
    for (var meta : savedModel(versionFolder(folder)).getMetaGraphsList()) {
      SignatureDef bean = meta.getSignatureDefMap().get(SavedModelContract.BEAN_SIGNATURE);
      if (bean != null) {
        bean.getOutputsMap()
            .forEach(
                (output, info) -> {
                  String layer = SavedModelContract.layerOfWeights(output);
                  if (layer != null) {
                    layers.put(
                        layer,
                        Shape.of(
                            info.getTensorShape().getDimList().stream()
                                .mapToLong(TensorShapeProto.Dim::getSize)
                                .toArray()));
                  }
                });
      }
    }
    return layers;
  }

  /**
   * The text of asset {@code file} (in {@code assets/}) of the SavedModel in {@code folder} (a
   * version folder or a model base, as {@link #load}), without loading TensorFlow; empty when the
   * model has no such asset.
   *
   * @throws InvalidModelException if the folder holds no SavedModel
   */
  public static Optional<String> assetOf(Path folder, String file) {
    Path asset = versionFolder(folder).resolve("assets").resolve(file);
    if (!Files.isRegularFile(asset)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(asset, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + asset, e);
    }
  }

  private static SavedModel savedModel(Path version) {
    try {
      return SavedModel.parseFrom(Files.readAllBytes(version.resolve("saved_model.pb")));
    } catch (IOException e) {
      throw new InvalidModelException(
          version + ": saved_model.pb cannot be read (" + e.getMessage() + ")");
    }
  }

  private static Path versionFolder(Path folder) {
    return SavedModelFiles.resolve(folder, warning -> {});
  }

  /** The version folder this model was loaded from. */
  public Path folder() {
    return folder;
  }

  /** The shape one input has: [H, W, C] for images, [F] for features. */
  public Shape inputShape() {
    return Shape.of(inputShape);
  }

  /** The signature's input: "images" ([-1, H, W, C]) or "features" ([-1, F]). */
  public String inputName() {
    return inputName;
  }

  /**
   * The class names, in label order (the model's {@code assets/classes.txt}; "0".."K-1" for models
   * exported before it existed): {@code classNames().get(classId)} names a prediction.
   */
  public List<String> classNames() {
    return classNames;
  }

  /** The BEAN layers this model reports on (empty without a 'bean' signature). */
  public List<String> layers() {
    if (bean == null) {
      return List.of();
    }
    List<String> layers = new ArrayList<>();
    for (String output : bean.getOutputsMap().keySet()) {
      String layer = SavedModelContract.layerOfWeights(output);
      if (layer != null) {
        layers.add(layer);
      }
    }
    Collections.sort(layers);
    return layers;
  }

  /**
   * The model's signatures as saved_model.pb holds them ({@code serving_default}, {@code bean}),
   * keyed by signature name: what TF Serving's metadata API reports.
   */
  public Map<String, SignatureDef> signatureDefs() {
    return signatureDefs;
  }

  /**
   * Runs signature {@code signature} on {@code count} inputs ({@code count × }{@link #inputShape()}
   * values, NHWC pixels in [0,1] or feature rows) and returns every output of the signature, by
   * output name in sorted order, as TF Serving's Predict does.
   *
   * @throws IllegalArgumentException if the model has no such signature, or the number of values
   *     does not match, or a value is NaN or infinite
   */
  public Map<String, TensorValues> run(String signature, float[] values, int count) {
    SignatureTensors tensors = signatureTensors.get(signature);
    if (tensors == null) {
      throw new IllegalArgumentException(
          "no signature '"
              + signature
              + "' in this model (expected one of "
              + signatureTensors.keySet()
              + ")");
    }
    checkPixels(values, count);
    try (TFloat32 input =
        TFloat32.tensorOf(batchShape(count), DataBuffers.of(values, true, false))) {
      return call(
          () -> {
            Session.Runner runner = session().runner().feed(tensors.input(), input);
            tensors.outputs().forEach(runner::fetch);
            try (Result result = runner.run()) {
              Map<String, TensorValues> outputs = new LinkedHashMap<>();
              for (int i = 0; i < tensors.outputNames().size(); i++) {
                outputs.put(
                    tensors.outputNames().get(i), valuesOf(result.get(i), tensors.dtypes().get(i)));
              }
              return Collections.unmodifiableMap(outputs);
            }
          });
    }
  }

  private static TensorValues valuesOf(Tensor tensor, DataType dtype) {
    long[] shape = tensor.shape().asArray();
    int size = (int) tensor.shape().size();
    switch (dtype) {
      case DT_FLOAT -> {
        float[] values = new float[size];
        ((TFloat32) tensor).copyTo(DataBuffers.of(values, false, false));
        return new TensorValues.Floats(shape, values);
      }
      case DT_INT64 -> {
        long[] values = new long[size];
        ((TInt64) tensor).copyTo(DataBuffers.of(values, false, false));
        return new TensorValues.Int64s(shape, values);
      }
      case DT_STRING -> {
        // element by element: TString.scalars() throws and catches an exception inside the ndarray
        // library on every call (docs/BENCHMARKS.md, "bean serve under load")
        String[] values = new String[size];
        long[] at = new long[shape.length];
        for (int i = 0; i < size; i++) {
          values[i] = ((TString) tensor).getObject(at);
          for (int d = shape.length - 1; d >= 0 && ++at[d] == shape[d]; d--) {
            at[d] = 0;
          }
        }
        return new TensorValues.Strings(shape, values);
      }
      default ->
          throw new IllegalStateException(
              "an output of type " + dtype + " (a BEAN SavedModel has float, int64 and string)");
    }
  }

  /**
   * Predicts {@code count} images given as raw pixels in [0,1], NHWC, {@code count × H × W × C}
   * values.
   *
   * @throws IllegalArgumentException if the number of values does not match or a value is NaN or
   *     infinite
   */
  public Prediction predict(float[] pixels, int count) {
    checkPixels(pixels, count);
    try (TFloat32 images =
        TFloat32.tensorOf(batchShape(count), DataBuffers.of(pixels, true, false))) {
      return predict(images);
    }
  }

  /**
   * Predicts PNG or JPEG files, decoded as {@code bean predict} decodes them: raw samples scaled by
   * bit depth, colour read as grey for a 1-channel model by BT.601 luma, the size checked from each
   * header before any pixel is decoded; an image with transparent pixels is refused.
   *
   * @throws org.beantf.data.BadInputException naming a file that cannot be read, is not an image of
   *     the model's input size, or has transparent or translucent pixels
   * @throws IllegalStateException if the model takes features, not images
   */
  public Prediction predictImages(List<Path> files) {
    return predictImages(files, AlphaBackground.REFUSE);
  }

  /**
   * As {@link #predictImages(List)}, compositing transparent pixels over {@code background} (c·a +
   * bg·(1 − a)) unless it is {@link AlphaBackground#REFUSE}.
   */
  public Prediction predictImages(List<Path> files, AlphaBackground background) {
    if (inputShape.length != 3) {
      throw new IllegalStateException(
          folder
              + ": takes "
              + inputShape[0]
              + " features, not images (use predict(float[], int))");
    }
    float[] pixels =
        ImageFiles.read(
            files, (int) inputShape[0], (int) inputShape[1], (int) inputShape[2], background);
    return predict(pixels, files.size());
  }

  /**
   * Predicts a batch given as an [N, H, W, C] array of raw pixels in [0,1].
   *
   * @throws IllegalArgumentException if the shape does not match or a value is NaN or infinite
   */
  public Prediction predict(FloatNdArray images) {
    checkShape(images.shape());
    float[] pixels = new float[(int) images.shape().size()];
    images.copyTo(DataBuffers.of(pixels, false, false));
    return predict(pixels, (int) images.shape().get(0));
  }

  private Prediction predict(TFloat32 images) {
    return call(
        () -> {
          try (Result result =
              session()
                  .runner()
                  .feed(servingImages, images)
                  .fetch(probabilities)
                  .fetch(classIds)
                  .fetch(logits)
                  .run()) {
            TInt64 classes = (TInt64) result.get(1);
            long[] ids = new long[(int) classes.size()];
            classes.copyTo(DataBuffers.of(ids, false, false));
            return new Prediction(
                rows((TFloat32) result.get(0)), ids, rows((TFloat32) result.get(2)));
          }
        });
  }

  /** A [rows, columns] tensor as Java rows, read in one bulk copy. */
  private static float[][] rows(TFloat32 matrix) {
    int rows = (int) matrix.shape().get(0);
    int columns = (int) matrix.shape().get(1);
    float[] flat = new float[rows * columns];
    matrix.copyTo(DataBuffers.of(flat, false, false));
    float[][] result = new float[rows][columns];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * columns, result[r], 0, columns);
    }
    return result;
  }

  /**
   * The activations H [count, N] of BEAN layer {@code layer} for {@code count} images (raw pixels,
   * NHWC).
   */
  public float[][] activations(String layer, float[] pixels, int count) {
    checkPixels(pixels, count);
    String output = beanOutput(SavedModelContract.activations(layer), layer);
    try (TFloat32 images =
        TFloat32.tensorOf(batchShape(count), DataBuffers.of(pixels, true, false))) {
      return call(
          () -> {
            try (Result result =
                session()
                    .runner()
                    .feed(tensor(bean, true, inputName), images)
                    .fetch(output)
                    .run()) {
              return rows((TFloat32) result.get(0));
            }
          });
    }
  }

  /** The outgoing weights W [N, M] of BEAN layer {@code layer}. */
  public float[][] weights(String layer) {
    return constantOutput(beanOutput(SavedModelContract.weights(layer), layer));
  }

  /**
   * A¹ (order 1) or A² (order 2) [N, N] of BEAN layer {@code layer}, with the run's γ and
   * normalisation.
   */
  public float[][] correlation(String layer, int order) {
    return constantOutput(beanOutput(SavedModelContract.correlation(layer, order), layer));
  }

  private float[][] constantOutput(String output) {
    return call(
        () -> {
          try (Result result = session().runner().fetch(output).run()) {
            return rows((TFloat32) result.get(0));
          }
        });
  }

  /** The tensor name of a 'bean' output, or an explanation of why there is none. */
  private String beanOutput(String output, String layer) {
    if (bean == null) {
      throw new IllegalStateException(
          folder
              + ": this SavedModel has no '"
              + SavedModelContract.BEAN_SIGNATURE
              + "' signature, so it cannot report activations, weights or correlations (predict still works; export "
              + "with bean export to get them)");
    }
    TensorInfo info = bean.getOutputsMap().get(output);
    if (info == null) {
      throw new IllegalArgumentException(
          "no BEAN layer '" + layer + "' (expected one of " + layers() + ")");
    }
    return info.getName();
  }

  private static String tensor(SignatureDef signature, boolean input, String name) {
    return (input ? signature.getInputsOrThrow(name) : signature.getOutputsOrThrow(name)).getName();
  }

  private Shape batchShape(int count) {
    long[] dims = new long[inputShape.length + 1];
    dims[0] = count;
    System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
    return Shape.of(dims);
  }

  private void checkPixels(float[] pixels, int count) {
    long perImage = Shape.of(inputShape).size();
    if (count < 1 || pixels.length != count * perImage) {
      throw new IllegalArgumentException(
          inputName
              + ": got "
              + pixels.length
              + " values for "
              + count
              + " images (expected "
              + count
              + " × "
              + Shape.of(inputShape)
              + " = "
              + count * perImage
              + (inputName.equals(SavedModelContract.IMAGES)
                  ? " raw pixels in [0,1], NHWC)"
                  : " feature values, row-major)"));
    }
    // refused rather than passed on: what a NaN pixel becomes depends on the kernels (oneDNN's ReLU
    // makes it 0)
    for (int i = 0; i < pixels.length; i++) {
      if (!Float.isFinite(pixels[i])) {
        throw new IllegalArgumentException(
            inputName.equals(SavedModelContract.IMAGES)
                ? "images: value "
                    + pixels[i]
                    + " at image "
                    + i / perImage
                    + ", pixel "
                    + i % perImage
                    + " (expected raw pixels in [0,1])"
                : "features: value "
                    + pixels[i]
                    + " at row "
                    + i / perImage
                    + ", column "
                    + i % perImage
                    + " (expected finite numbers)");
      }
    }
  }

  private void checkShape(Shape shape) {
    Shape expected = batchShape((int) Math.max(1, shape.numDimensions() > 0 ? shape.get(0) : 1));
    if (!shape.equals(expected) || shape.get(0) < 1) {
      throw new IllegalArgumentException(
          inputName
              + ": got shape "
              + shape
              + " (expected [N, "
              + String.join(", ", Arrays.stream(inputShape).mapToObj(Long::toString).toList())
              + "] with N ≥ 1)");
    }
  }

  private Session session() {
    return bundle.session();
  }

  /** Runs {@code work} unless the model is closed; close() waits for it. */
  private <T> T call(java.util.function.Supplier<T> work) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(folder + ": the model is closed");
      }
      return work.get();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        bundle.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
