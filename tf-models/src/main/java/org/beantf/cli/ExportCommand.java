package org.beantf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beantf.data.BadInputException;
import org.beantf.models.export.RunExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean export}: a SavedModel (TF Serving layout) from a run's checkpoint. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export a run's model as a SavedModel in TensorFlow Serving's layout: <base>/<name>/<version>/.")
final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "a run directory of bean train")
  Path run;

  @Option(
      names = "--base",
      paramLabel = "PATH",
      description = "model base path (default DIR/savedmodel)")
  Path base;

  @Option(names = "--name", paramLabel = "NAME", description = "model name (default: the model id)")
  String name;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "version number (default: the next free, from 1)")
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
    Path exported = RunExport.export(directory, config, base, name, version == null ? 0 : version);
    System.out.println(exported);
    return 0;
  }
}
