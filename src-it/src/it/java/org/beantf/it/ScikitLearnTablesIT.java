package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.beantf.cli.BeanCli;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.models.ModelKind;
import org.beantf.models.export.RunExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.models.train.TrainingOutcome;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scikit-learn's bundled tables (iris, wine, breast cancer, digits), taken from the Debian package
 * {@code python3-sklearn} with {@code apt-get download} and unpacked without installing, converted
 * to plain CSV (a header row, the label as the last column), trained with the README's CSV example
 * ({@code --model mlp --reg bean1 --epochs 100 --batch 16}) at seeds 1-3 with the default split:
 * each reaches ≥ 0.9 test accuracy, exports, and {@code bean predict --csv} prints class names.
 */
class ScikitLearnTablesIT {
  /** The README's flags for small tables: more epochs and smaller batches than MNIST's. */
  static final List<String> README_FLAGS =
      List.of("--model", "mlp", "--reg", "bean1", "--epochs", "100", "--batch", "16");

  @TempDir static Path dir;

  static Path tables;

  @BeforeAll
  static void fetchAndConvert() throws Exception {
    Path cache = DatasetCache.fromEnvironment(System.err::println).root().resolve("scikit-learn");
    if (!Files.isRegularFile(cache.resolve("digits.csv"))) {
      // staged beside the cache, so that the finished folder appears in one rename
      Path staging =
          Files.createTempDirectory(Files.createDirectories(cache.getParent()), ".scikit-learn-");
      run(
          staging,
          "apt-get",
          "-q",
          "-o",
          "APT::Sandbox::User=" + System.getProperty("user.name"),
          "download",
          "python3-sklearn");
      Path deb;
      try (var files = Files.list(staging)) {
        deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
      }
      run(staging, "dpkg-deb", "-x", deb.toString(), "unpacked");
      Path data;
      try (var found =
          Files.find(
              staging.resolve("unpacked"), 12, (p, a) -> p.endsWith("sklearn/datasets/data"))) {
        data = found.findFirst().orElseThrow();
      }
      Path converted = Files.createDirectories(staging.resolve("converted"));
      named(
          data.resolve("iris.csv"),
          converted.resolve("iris.csv"),
          List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "species"));
      named(data.resolve("wine_data.csv"), converted.resolve("wine.csv"), null);
      named(data.resolve("breast_cancer.csv"), converted.resolve("breast_cancer.csv"), null);
      digits(data.resolve("digits.csv.gz"), converted.resolve("digits.csv"));
      Files.move(converted, cache, StandardCopyOption.ATOMIC_MOVE);
      try (var leftovers = Files.walk(staging)) {
        leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    tables = cache;
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits"})
  void theReadmeFlagsReachNinetyPercentAndPredictNamesTheClasses(String table) throws Exception {
    Path csv = tables.resolve(table + ".csv");
    for (int seed = 1; seed <= 3; seed++) {
      Path out = dir.resolve(table + "-" + seed);
      List<String> args = new ArrayList<>(List.of("train", "--dataset", "csv:" + csv));
      args.addAll(README_FLAGS);
      args.addAll(List.of("--seed", Integer.toString(seed), "--out", out.toString()));
      assertEquals(0, BeanCli.run(args.toArray(String[]::new)));
      double accuracy =
          new ObjectMapper()
              .readTree(out.resolve("report.json").toFile())
              .get("test_accuracy")
              .asDouble();
      System.err.printf("%s seed %d: test accuracy %.4f%n", table, seed, accuracy);
      assertTrue(accuracy >= 0.9, table + " seed " + seed + ": " + accuracy);
    }
    String printed =
        stdout(
            () ->
                BeanCli.run(
                    "predict",
                    "--model",
                    dir.resolve(table + "-1/savedmodel/mlp").toString(),
                    "--csv",
                    csv.toString()));
    Set<String> classes = new TreeSet<>();
    for (String line : printed.lines().toList()) {
      String[] parts = line.split(" ");
      assertTrue(parts[0].startsWith(csv + ":"), line);
      classes.add(parts[1]);
    }
    Set<String> expected =
        switch (table) {
          case "iris" -> Set.of("setosa", "versicolor", "virginica");
          case "wine" -> Set.of("class_0", "class_1", "class_2");
          case "breast_cancer" -> Set.of("benign", "malignant");
          default -> new TreeSet<>(Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        };
    assertEquals(expected, classes, "predict names every class of " + table);
    assertEquals(Files.readAllLines(csv).size() - 1, printed.lines().count(), "one line per row");
  }

  @Test
  void theReadmeJavaExampleTrainsIrisAndNamesAPrediction() throws Exception {
    Path runs = dir.resolve("java");
    DatasetCache cache = DatasetCache.fromEnvironment(System.err::println);
    Path iris = tables.resolve("iris.csv");
    // spotless:off (the README shows these lines as they are laid out here)
    // README-BEGIN
    DatasetSpec spec = DatasetSpec.csv(iris).labelColumn("species").testSplit(0.2).build();
    Dataset data = DatasetLoader.load(spec, cache, DatasetLoader.Listener.SILENT);
    TrainConfig config = TrainConfig.builder(ModelKind.MLP, data.info())
        .regularizers("bean1").epochs(100).batch(16).seed(1).build();
    RunDirectory run = RunDirectory.forNewRun(runs.resolve("iris"));
    TrainingOutcome outcome = new Trainer(config, TrainingListener.SILENT).train(data, run);
    try (BeanModel model = BeanModel.load(RunExport.export(run, config, null, null, 0))) {
      Prediction first = model.predict(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, 1);
      System.out.println(model.classNames().get((int) first.classIds()[0]));   // setosa
    // README-END
      assertEquals("setosa", model.classNames().get((int) first.classIds()[0]));
    }
    // spotless:on
    assertTrue(outcome.testAccuracy() >= 0.9, "iris from Java: " + outcome.testAccuracy());
    assertEquals(
        TrainFromJavaIT.snippet(
                Files.readString(Path.of("src/it/java/org/beantf/it/ScikitLearnTablesIT.java")))
            + "\n}",
        TrainFromJavaIT.readmeBlock("### Your own data", 0));
  }

  /**
   * scikit-learn's form: a first line "S,F,name0,name1,…", then rows of F features and a class id.
   */
  private static void named(Path from, Path to, List<String> header) throws IOException {
    List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
    String[] first = lines.get(0).split(",");
    int features = Integer.parseInt(first[1]);
    List<String> names = Arrays.asList(first).subList(2, first.length);
    List<String> out = new ArrayList<>();
    if (header == null) {
      List<String> columns = new ArrayList<>();
      for (int f = 1; f <= features; f++) {
        columns.add("f" + f);
      }
      columns.add("class");
      header = columns;
    }
    out.add(String.join(",", header));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      List<String> row = new ArrayList<>(Arrays.asList(cells).subList(0, features));
      row.add(names.get((int) Double.parseDouble(cells[features])));
      out.add(String.join(",", row));
    }
    Files.write(to, out, StandardCharsets.UTF_8);
  }

  /** digits.csv.gz: no header, 64 pixel counts then the digit. */
  private static void digits(Path from, Path to) throws IOException {
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(from))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int p = 0; p < 64; p++) {
      header.add("p" + p);
    }
    header.add("digit");
    out.add(String.join(",", header));
    for (String line : text.strip().split("\n")) {
      String[] cells = line.split(",");
      cells[64] = Integer.toString((int) Double.parseDouble(cells[64]));
      out.add(String.join(",", cells));
    }
    Files.write(to, out, StandardCharsets.UTF_8);
  }

  private static void run(Path in, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
  }

  private static String stdout(java.util.function.IntSupplier command) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, command.getAsInt());
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
