package org.beantf.models.export;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.DatasetSpec;
import org.beantf.models.train.DatasetJson;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.SavedModelExporter;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * A run's checkpoint as a SavedModel: the inference graph, the checkpoint's weights restored into
 * it, exported.
 */
public final class ModelExport {
  private ModelExport() {}

  /** bean.json, classes.txt and, for the user's data, features.txt (tables) and dataset.json. */
  private static Map<String, String> assets(TrainConfig config) {
    Map<String, String> assets = new LinkedHashMap<>();
    assets.put(SavedModelContract.BEAN_SETTINGS_ASSET, BeanSettings.of(config).toJson());
    assets.put(SavedModelContract.CLASSES_ASSET, lines(config.data().classNames()));
    if (!config.data().featureNames().isEmpty()) {
      assets.put(SavedModelContract.FEATURES_ASSET, lines(config.data().featureNames()));
    }
    if (config.data().source().kind() != DatasetSpec.Kind.BUILTIN) {
      assets.put(SavedModelContract.DATASET_ASSET, DatasetJson.of(config.data()).toPrettyString());
    }
    return assets;
  }

  private static String lines(List<String> names) {
    return String.join("\n", names) + "\n";
  }

  /**
   * Exports the weights of {@code checkpointPrefix} (a run's checkpoint/variables) as {@code
   * <base>/<name>/<version>}; {@code version} 0 takes the next free one.
   *
   * @return the version folder
   */
  public static Path export(
      TrainConfig config, String checkpointPrefix, Path base, String name, long version) {
    try (Graph graph = new Graph()) {
      List<Signature> signatures = InferenceGraph.build(graph, config);
      try (Session session = new Session(graph)) {
        session.restore(checkpointPrefix);
        long chosen = version > 0 ? version : SavedModelExporter.nextVersion(base, name);
        return SavedModelExporter.export(session, signatures, base, name, chosen, assets(config));
      }
    }
  }
}
