package org.beantf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beantf.data.BadInputException;
import org.beantf.models.Models;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.savedmodels.SavedModelExporter;
import org.tensorflow.ndarray.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean export}: a SavedModel (TF Serving layout) from a run's checkpoint. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a run's model as a SavedModel in TensorFlow Serving's layout: <base>/<name>/<version>/.")
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "a run directory of bean train")
  Path run;

  @Option(names = "--base", paramLabel = "PATH", description = "model base path (default DIR/savedmodel)")
  Path base;

  @Option(names = "--name", paramLabel = "NAME", description = "model name (default: the model id)")
  String name;

  @Option(names = "--version", paramLabel = "V", description = "version number (default: the next free, from 1)")
  Long version;

  @Override
  public Integer call() {
    RunDirectory directory = new RunDirectory(run);
    TrainConfig config = directory.config();
    if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
      throw new BadInputException("--name " + name + ": expected letters, digits, '.', '_' or '-'");
    }
    if (version != null && version < 1) {
      throw new BadInputException("--version " + version + ": expected a number >= 1");
    }
    Path exported = export(directory, config, base, name, version == null ? 0 : version);
    System.out.println(exported);
    return 0;
  }

  /** Exports the run's kept model; {@code version} 0 takes the next free one. */
  static Path export(RunDirectory directory, TrainConfig config, Path base, String name, long version) {
    Path kept = directory.keptCheckpoint();
    if (!Files.isRegularFile(kept.resolve("variables.index"))) {
      throw new BadInputException("--run " + directory.root() + ": no checkpoint (expected " + kept
          + "/variables.index)");
    }
    Path modelBase = base != null ? base : directory.root().resolve("savedmodel");
    String modelName = name != null ? name : config.model();
    if (version > 0 && Files.exists(modelBase.resolve(modelName).resolve(Long.toString(version)))) {
      throw new BadInputException("--version " + version + ": " + modelBase.resolve(modelName).resolve(
          Long.toString(version)) + " exists (expected a new version; an export never overwrites one)");
    }
    long chosen = version > 0 ? version : SavedModelExporter.nextVersion(modelBase, modelName);
    Shape shape = Shape.of(config.dataset().height(), config.dataset().width(), config.dataset().channels());
    return ModelExport.export(Models.create(config.model(), 0), config, shape,
        kept.resolve("variables").toString(), modelBase, modelName, chosen);
  }
}
