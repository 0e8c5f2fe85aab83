package org.beantf.models.export;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.io.Writable;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelExporter;

/**
 * Exports a run directory's kept checkpoint (the best-validation one if the run has it) as a
 * SavedModel.
 */
public final class RunExport {
  private RunExport() {}

  /**
   * Exports the kept model of {@code run} as {@code <base>/<name>/<version>} in TF Serving's
   * layout.
   *
   * @param base the model base, or null for {@code <run>/savedmodel}
   * @param name the model name, or null for the model id
   * @param version the version number, or 0 for the next free one (from 1)
   * @return the version folder written
   * @throws BadInputException if the run has no checkpoint, {@code version} exists (an export never
   *     overwrites) or the base cannot be written (with the operating system's reason)
   */
  public static Path export(
      RunDirectory run, TrainConfig config, Path base, String name, long version) {
    Path kept = run.keptCheckpoint();
    if (!Files.isRegularFile(kept.resolve("variables.index"))) {
      throw new InvalidSettingException(
          "run", run.root(), "no checkpoint (expected " + kept + "/variables.index)");
    }
    Path modelBase = base != null ? base : run.root().resolve("savedmodel");
    String modelName = name != null ? name : config.model().id();
    if (version > 0 && Files.exists(modelBase.resolve(modelName).resolve(Long.toString(version)))) {
      throw new InvalidSettingException(
          "version",
          version,
          ""
              + modelBase.resolve(modelName).resolve(Long.toString(version))
              + " exists (expected a new version; an export never overwrites one)");
    }
    Writable.require(base != null ? "base" : "run", modelBase);
    long chosen = version > 0 ? version : SavedModelExporter.nextVersion(modelBase, modelName);
    return ModelExport.export(
        config, kept.resolve("variables").toString(), modelBase, modelName, chosen);
  }
}
