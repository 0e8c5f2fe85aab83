package org.beantf.data.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetInfo;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.ImageSet;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.beantf.data.sampling.StratifiedSplit;

/**
 * The user's own data as a {@link Dataset}: reads the source, names the classes, holds out a
 * stratified test split when the source has no test set, and fits a table's standardisation on the
 * training split.
 */
public final class Sources {
  /**
   * The seed of every test split: fixed, so the test set depends on the data alone and runs with
   * different training seeds are evaluated on the same examples.
   */
  static final long SPLIT_SEED = 0;

  private Sources() {}

  /**
   * Reads a non-built-in source.
   *
   * @throws org.beantf.data.BadInputException naming the file, line or class at fault
   */
  public static Dataset load(DatasetSpec spec, DatasetLoader.Listener listener) {
    return switch (spec.kind()) {
      case CSV -> table(spec);
      case IDX -> idx(spec);
      case IMAGES -> ImageFolder.load(spec, listener);
      case NPY -> NpyArrays.load(spec, listener);
      case BUILTIN -> throw new IllegalArgumentException(spec + " is built in");
    };
  }

  private static Dataset table(DatasetSpec spec) {
    CsvTable table = CsvTable.read(spec.path(), spec.labelColumn(), spec.ignoredColumns());
    List<String> names =
        ClassNames.of(
            table.labels(),
            i ->
                spec.path()
                    + (i < 0 ? "" : ": line " + table.lines()[i])
                    + " (labels from column '"
                    + table.labelColumn()
                    + "'"
                    + (spec.labelColumn() == null ? ", the last; --label-column names another" : "")
                    + ")");
    ImageSet all =
        ImageSet.ofFloats(
            table.features(), ClassNames.ids(table.labels(), names), table.featureNames().size());
    ImageSet[] parts = split(all, names, spec.testSplit());
    int width = table.featureNames().size();
    float[] train = new float[parts[0].size() * width];
    for (int i = 0; i < parts[0].size(); i++) {
      parts[0].copyImage(i, train, i * width);
    }
    return dataset(
        spec,
        InputKind.FEATURES,
        parts,
        names,
        table.featureNames(),
        Preprocessing.Standardize.of(train, parts[0].size(), width));
  }

  private static Dataset idx(DatasetSpec spec) {
    ImageSet[] sets = IdxFolder.read(spec.path());
    int largest =
        Math.max(
            Arrays.stream(sets[0].labels()).max().orElse(0),
            Arrays.stream(sets[1].labels()).max().orElse(0));
    List<String> names = ClassNames.fromFile(spec.path(), largest);
    if (names == null) {
      names =
          ClassNames.of(
              Arrays.stream(sets[0].labels()).mapToObj(Integer::toString).toList(),
              i -> spec.path() + " (training labels)");
    }
    if (!sets[1].exampleShape().equals(sets[0].exampleShape())) {
      throw new BadInputException(
          spec.path()
              + ": test images of "
              + sets[1].exampleShape()
              + " but training images of "
              + sets[0].exampleShape()
              + " (expected one size)");
    }
    int testLargest = Arrays.stream(sets[1].labels()).max().orElse(0);
    if (testLargest >= names.size()) {
      throw new BadInputException(
          spec.path()
              + ": test label "
              + testLargest
              + " (expected 0.."
              + (names.size() - 1)
              + ", the training labels' classes)");
    }
    return dataset(spec, InputKind.IMAGES, sets, names, List.of(), new Preprocessing.Identity());
  }

  /**
   * @throws BadInputException naming {@code folder} when it is missing or a file
   */
  static void requireFolder(Path folder, String expected) {
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(
          folder
              + ": "
              + (Files.exists(folder) ? "not a folder" : "no such folder")
              + " (expected "
              + expected
              + ")");
    }
  }

  /** The training and test parts of {@code all}: a stratified split by the spec's fraction. */
  static ImageSet[] split(ImageSet all, List<String> names, double fraction) {
    StratifiedSplit split = StratifiedSplit.of(all.labels(), names, fraction, SPLIT_SEED);
    return new ImageSet[] {all.subset(split.train()), all.subset(split.test())};
  }

  static Dataset dataset(
      DatasetSpec spec,
      InputKind input,
      ImageSet[] trainAndTest,
      List<String> names,
      List<String> featureNames,
      Preprocessing preprocessing) {
    ImageSet train = trainAndTest[0];
    DatasetInfo info =
        new DatasetInfo(
            spec, input, train.exampleShape(), names, featureNames, train.size(), preprocessing);
    return new Dataset(info, train, trainAndTest[1]);
  }
}
