package org.beantf.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.models.export.SavedModelEvaluation;
import org.beantf.models.train.ClassAccuracy;
import org.beantf.savedmodels.BeanModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bean evaluate}: test accuracy and per-class accuracy of a SavedModel. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Test accuracy and per-class accuracy of a SavedModel on a dataset's test set.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "a SavedModel folder, or a model base (its highest version)")
  Path model;

  @Mixin DatasetOption dataset;

  @Override
  public Integer call() {
    DatasetSpec given = dataset.spec();
    ModelFolder.requireExists(model);
    DatasetSpec spec =
        SavedModelEvaluation.datasetFor(model, given, dataset.hasOptions(), System.err::println);
    if (spec.kind() == DatasetSpec.Kind.BUILTIN) {
      SavedModelEvaluation.requireFits(model, DatasetInfo.of(spec.builtin()));
    }
    Dataset data = DatasetOption.load(spec);
    SavedModelEvaluation.requireFits(model, data.info());
    System.err.println(data.summary());
    try (BeanModel loaded = BeanModel.load(model)) {
      ImageSet test = data.test();
      ClassAccuracy evaluation = SavedModelEvaluation.accuracy(loaded, test, data.classes());
      int[] right = evaluation.right();
      int[] total = evaluation.total();
      System.out.printf(
          Locale.ROOT,
          "%s on %s test (%d %s): accuracy %.4f%n",
          loaded.folder(),
          spec,
          test.size(),
          test.isImages() ? "images" : "rows",
          evaluation.overall());
      for (int c = 0; c < right.length; c++) {
        System.out.printf(
            Locale.ROOT,
            "  class %s: %.4f (%d/%d)%n",
            c < loaded.classNames().size() ? loaded.classNames().get(c) : Integer.toString(c),
            (double) right[c] / total[c],
            right[c],
            total[c]);
      }
    }
    return 0;
  }
}
