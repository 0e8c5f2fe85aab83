package org.beantf.models.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.beantf.bean.analysis.DistinctRows;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.npy.Npy;
import org.beantf.models.export.BeanSettings;
import org.beantf.models.regularizers.Regularizer;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.SavedModelContract;
import org.tensorflow.ndarray.Shape;

/**
 * What {@code bean analyze} reads, checked before TensorFlow loads so that bad input is one clean
 * line: a run directory (config.json, layers/, checkpoint) or a SavedModel with a dataset. Knows
 * the layers to analyse and how to open them.
 *
 * @param path the run directory or SavedModel folder, as analysis.json's "run"
 * @param about what was analysed, for the report (model, dataset, regularizers, test accuracy)
 * @param layers the BEAN layers to analyse, in the model's order
 * @param gamma γ of the connectivity (the run's, or the SavedModel's assets/bean.json; 1 without
 *     it)
 * @param correlationOrder the matrix of the heat map: A¹ for a BEAN-1 run, A² otherwise
 * @param classes the classes the model predicts: the default number of assemblies
 */
public record AnalysisTarget(
    String path,
    Map<String, String> about,
    DatasetSpec dataset,
    List<String> layers,
    double gamma,
    int correlationOrder,
    int classes,
    Supplier<LayerSource> opener) {

  /** Opens the layers (loads TensorFlow). */
  public LayerSource open() {
    return opener.get();
  }

  /**
   * Analyses every layer of this target (loads TensorFlow).
   *
   * @param data the dataset whose test set gives the activations, selectivity and ablation
   * @param k the number of assemblies of k-means
   * @param seed seeds k-means, the shuffles and t-SNE
   * @param mapSeeds seeds of the paper-style map silhouette, 0 to skip it
   * @param progress told before each slow step
   */
  public List<LayerAnalysis> analyse(
      Dataset data, int k, long seed, int mapSeeds, Consumer<String> progress) {
    AnalysisSettings settings = new AnalysisSettings(k, seed, gamma, correlationOrder, mapSeeds);
    List<LayerAnalysis> analysed = new ArrayList<>();
    try (LayerSource source = open()) {
      AssemblyAnalysis analysis =
          new AssemblyAnalysis(source, data.test(), data.classes(), settings, progress);
      for (String name : layers) {
        analysed.add(analysis.analyse(name));
      }
    }
    return analysed;
  }

  /**
   * The same target, recorded (analysis.json's "run", the report's "run") as {@code shown}: for a
   * run analysed in a staging folder that becomes {@code shown} once complete.
   */
  public AnalysisTarget shownAs(Path shown) {
    Map<String, String> relabelled = new LinkedHashMap<>(about);
    relabelled.replace("run", shown.toString());
    return new AnalysisTarget(
        shown.toString(), relabelled, dataset, layers, gamma, correlationOrder, classes, opener);
  }

  /**
   * A run directory of {@code bean train}.
   *
   * @param layer the one layer to analyse, or null for all
   * @param k the number of assemblies (at most N of every layer analysed), or null for the number
   *     of classes
   */
  public static AnalysisTarget run(Path dir, String layer, Integer k) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(
          "run", dir, "no such folder (expected a run directory of bean train)");
    }
    RunDirectory run = new RunDirectory(dir);
    TrainConfig config = run.config();
    List<String> present = new ArrayList<>();
    for (String name : config.architecture().beanLayerNames()) {
      if (Files.isRegularFile(run.layer(name).resolve("weights.npy"))) {
        present.add(name);
      }
    }
    if (present.isEmpty()) {
      throw new InvalidSettingException(
          "run",
          dir,
          "no layers/<layer>/weights.npy (expected the layers/ folder "
              + "bean train writes when a run finishes)");
    }
    Path checkpoint = run.keptCheckpoint().resolve("variables.index");
    if (!Files.isRegularFile(checkpoint)) {
      throw new InvalidSettingException("run", dir, "no checkpoint (expected " + checkpoint + ")");
    }
    List<String> layers = choose(present, layer, dir);
    int order = config.beanOrder() == 1 ? 1 : 2;
    int classes = config.data().classes();
    for (String name : layers) {
      Path weights = run.layer(name).resolve("weights.npy");
      float[][] w = Npy.read(weights).toFloatRows();
      requireK(k, classes, name, w.length, distinctRows(weights, w));
      Path correlation = run.layer(name).resolve("correlation" + order + ".npy");
      if (!Files.isRegularFile(correlation)) {
        throw new InvalidSettingException(
            "run", dir, "no " + correlation + " (expected it beside weights.npy)");
      }
    }
    Map<String, String> about = new LinkedHashMap<>();
    about.put("run", dir.toString());
    about.put("model", config.model().id());
    about.put("dataset", config.data().name());
    about.put("regularizers", regularizers(config));
    about.put("γ, normalisation", config.gamma() + ", " + config.normalization().cliName());
    about.put("test accuracy", testAccuracy(dir.resolve("report.json")));
    return new AnalysisTarget(
        dir.toString(),
        about,
        config.data().source(),
        layers,
        config.gamma(),
        order,
        classes,
        () -> RunLayers.open(run, config));
  }

  /**
   * A SavedModel exported by {@code bean export}, analysed on {@code dataset}'s test set (the
   * caller checks that the model takes its examples once the dataset is read).
   *
   * @param layer the one layer to analyse, or null for all
   * @param k the number of assemblies, or null for the number of classes
   */
  public static AnalysisTarget savedModel(
      Path folder, DatasetSpec dataset, String layer, Integer k) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidSettingException(
          "model", folder, "no such folder (expected a SavedModel folder or model " + "base)");
    }
    Map<String, Shape> shapes = BeanModel.layerShapesOf(folder);
    if (shapes.isEmpty()) {
      throw new InvalidSettingException(
          "model",
          folder,
          "no '"
              + SavedModelContract.BEAN_SIGNATURE
              + "' "
              + "signature (expected a SavedModel from bean export, which gives each layer's weights and activations)");
    }
    List<String> layers = choose(new ArrayList<>(shapes.keySet()), layer, folder);
    int classes = BeanModel.classNamesOf(folder).size();
    for (String name : layers) {
      long neurons = shapes.get(name).get(0);
      requireK(k, classes, name, neurons, neurons);
    }
    Optional<BeanSettings> settings = BeanSettings.read(folder);
    Map<String, String> about = new LinkedHashMap<>();
    about.put("SavedModel", folder.toString());
    about.put("dataset", dataset.text());
    double gamma = settings.map(BeanSettings::gamma).orElse(1.0);
    about.put(
        "γ, normalisation",
        settings
            .map(s -> s.gamma() + ", " + s.normalization().cliName())
            .orElse(
                "1 (this SavedModel, exported before assets/bean.json existed, does not record them)"));
    settings.ifPresent(
        s ->
            about.put(
                "trained with",
                s.order() == 0
                    ? "no BEAN"
                    : "BEAN-"
                        + s.order()
                        + " (α = "
                        + s.alpha()
                        + ", "
                        + s.divergence().cliName()
                        + ")"));
    return new AnalysisTarget(
        folder.toString(),
        about,
        dataset,
        layers,
        gamma,
        settings.map(BeanSettings::correlationOrder).orElse(2),
        classes,
        () -> SavedModelLayers.load(folder));
  }

  private static List<String> choose(List<String> known, String layer, Path where) {
    if (layer == null) {
      return known;
    }
    if (!known.contains(layer)) {
      throw new InvalidSettingException(
          "layer",
          layer,
          "no such BEAN layer in " + where + " (expected one of " + String.join(", ", known) + ")");
    }
    return List.of(layer);
  }

  /**
   * The number of distinct rows of a run's W, checked finite before TensorFlow loads (identical
   * rows, dead neurons, cannot form separate clusters).
   */
  private static int distinctRows(Path file, float[][] w) {
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[i].length; j++) {
        if (!Float.isFinite(w[i][j])) {
          throw new BadInputException(
              file + ": W[" + i + "][" + j + "] = " + w[i][j] + " (expected finite weights)");
        }
      }
    }
    return DistinctRows.count(AssemblyAnalysis.toDouble(w));
  }

  /**
   * Checks that the layer can be clustered into k assemblies: 2 <= k <= its distinct rows.
   *
   * @param k the --k given, or null for the number of classes
   */
  private static void requireK(Integer k, int classes, String layer, long neurons, long distinct) {
    String rows =
        "layer "
            + layer
            + " has "
            + neurons
            + " neurons"
            + (distinct < neurons ? " with " + distinct + " distinct outgoing weight vectors" : "");
    if (distinct < 2) {
      throw new InvalidSettingException(
          "layer", layer, rows + " (expected at least 2 distinct ones to cluster)");
    }
    int chosen = k != null ? k : classes;
    if (chosen < 2 || chosen > distinct) {
      throw new InvalidSettingException(
          "k",
          chosen,
          (k == null ? "the default, the number of classes: " : "")
              + rows
              + " (expected 2 <= k <= "
              + distinct
              + ")");
    }
  }

  private static String regularizers(TrainConfig config) {
    List<String> names = config.active().stream().map(Regularizer::description).toList();
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static String testAccuracy(Path report) {
    try {
      JsonNode accuracy = new ObjectMapper().readTree(report.toFile()).get("test_accuracy");
      return accuracy == null || !accuracy.isNumber()
          ? "not recorded"
          : String.format(Locale.ROOT, "%.4f", accuracy.asDouble());
    } catch (IOException e) {
      return "not recorded (" + report + " cannot be read)";
    }
  }
}
