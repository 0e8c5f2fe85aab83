package org.beantf.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.data.DatasetId;
import org.beantf.models.experiments.AssemblyDemo;
import org.beantf.models.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bean demo}: the main job on an embedded default, {@link AssemblyDemo} on MNIST. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "What BEAN is for, in one command: fetch MNIST, train the model vanilla and with BEAN-2 (same "
          + "seed and epochs), export the BEAN-2 model as a SavedModel and reload it with BeanModel, analyse the last "
          + "dense layer of both runs, print the comparison and write an HTML page and a PNG of it.",
      "The output folder appears only when complete, holding vanilla/ and bean2/ (run directories, each with "
          + "analysis/), compare.html and compare.png."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      defaultValue = "lenet5",
      paramLabel = "lenet5|mlp",
      description =
          "the model (default ${DEFAULT-VALUE}; at its default α the MLP shows no assemblies)")
  String model;

  @Option(
      names = "--epochs",
      defaultValue = "3",
      paramLabel = "E",
      description = "training epochs of each run (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "an absent or empty folder (default runs/demo-<time>)")
  Path out;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Path folder =
        out != null
            ? out
            : Path.of(
                "runs",
                "demo-"
                    + LocalDateTime.now()
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
    AssemblyDemo demo =
        new AssemblyDemo(model, epochs, folder, System.out::println, System.err::println);
    demo.run(
        DatasetOption.cache().load(DatasetId.MNIST),
        (config, data, run) ->
            new Trainer(config, new ProgressBarListener(epochs)).train(data, run));
    System.err.printf(Locale.ROOT, "demo: done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
