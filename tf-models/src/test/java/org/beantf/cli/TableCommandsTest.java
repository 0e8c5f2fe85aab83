package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.SavedModelContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table end to end through the command line: train an MLP on a CSV file whose labels are names,
 * export it with a {@code features} input and a {@code class_names} output, predict rows of another
 * table whose columns come in another order, as text and as JSON lines.
 */
class TableCommandsTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir static Path dir;

  private static Path model;
  private static Path rows;

  /** Two well separated classes: "low" below 0 on both features, "high" above, and a noise id. */
  @BeforeAll
  static void train() throws Exception {
    StringBuilder csv = new StringBuilder("x,id,y,kind\n");
    for (int i = 0; i < 60; i++) {
      double v = (i % 2 == 0 ? -1 : 1) * (1 + (i % 7) / 10.0);
      csv.append(v)
          .append(',')
          .append(i)
          .append(',')
          .append(2 * v)
          .append(',')
          .append(i % 2 == 0 ? "low" : "high")
          .append('\n');
    }
    Path table = Files.writeString(dir.resolve("table.csv"), csv);
    assertEquals(
        0,
        BeanCli.run(
            "train",
            "--model",
            "mlp",
            "--hidden",
            "16",
            "--dataset",
            "csv:" + table,
            "--label-column",
            "kind",
            "--reg",
            "bean1",
            "--alpha",
            "1",
            "--lr",
            "0.01",
            "--epochs",
            "30",
            "--batch",
            "8",
            "--threads",
            "2",
            "--out",
            dir.resolve("run").toString()));
    model = dir.resolve("run/savedmodel/mlp");
    rows =
        Files.writeString(dir.resolve("rows.csv"), "note,y,x\nfirst,-2.5,-1.2\nsecond,2.2,1.1\n");
  }

  @Test
  void theSavedModelTakesFeaturesAndNamesItsClasses() {
    assertEquals(SavedModelContract.FEATURES, inputOf(model));
    assertEquals(List.of("x", "id", "y"), BeanModel.featureNamesOf(model));
    try (BeanModel loaded = BeanModel.load(model)) {
      assertEquals(List.of("high", "low"), loaded.classNames(), "sorted by code point");
    }
  }

  private static String inputOf(Path folder) {
    try (BeanModel loaded = BeanModel.load(folder)) {
      return loaded.inputName();
    }
  }

  @Test
  void predictMatchesColumnsByNameAndPrintsClassNames() {
    Path withId = writeRows("id,y,x,kind\n2,-2.5,-1.2,?\n3,2.2,1.1,?\n");
    assertEquals(
        0, BeanCli.run("predict", "--model", model.toString(), "--csv", withId.toString()));
    List<String> lines = streams.out().lines().toList();
    assertEquals(2, lines.size(), streams.out());
    assertTrue(lines.get(0).startsWith(withId + ":2 low "), lines.get(0));
    assertTrue(lines.get(1).startsWith(withId + ":3 high "), lines.get(1));
  }

  @Test
  void jsonLinesGiveOneObjectPerRow() throws Exception {
    Path withId = writeRows("id,x,y\n1,-1,-2\n");
    assertEquals(
        0,
        BeanCli.run(
            "predict",
            "--model",
            model.toString(),
            "--csv",
            withId.toString(),
            "--format",
            "jsonl",
            "--top",
            "2"));
    JsonNode line = new ObjectMapper().readTree(streams.out().strip());
    assertEquals(withId + ":2", line.get("source").asText());
    assertEquals("low", line.get("class").asText());
    assertEquals(1, line.get("class_id").asInt());
    assertEquals(2, line.get("top").size());
    assertEquals("high", line.get("top").get(1).get("class").asText());
  }

  @Test
  void aTableWithoutAModelColumnOrImagesForATableModelAreOneLine() {
    Path missing = writeRows("x,y\n1,2\n");
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run("predict", "--model", model.toString(), "--csv", missing.toString()));
    assertTrue(
        streams.err().contains("no column 'id' (expected the model's feature columns: x, id, y)"),
        streams.err());
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run("predict", "--model", model.toString(), "--images", dir.toString()));
    assertTrue(
        streams.err().contains("takes a table's 3 features (expected --csv FILE)"), streams.err());
  }

  @Test
  void lenet5RefusesATableNamingWhatItTakes() {
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run(
            "train",
            "--model",
            "lenet5",
            "--dataset",
            "csv:" + dir.resolve("table.csv"),
            "--label-column",
            "kind",
            "--out",
            dir.resolve("lenet").toString()));
    assertTrue(
        streams.err().contains("LeNet-5 takes images of [H, W, C], not 3 features"), streams.err());
    assertTrue(!Files.exists(dir.resolve("lenet")), "nothing left behind");
  }

  @Test
  void theReportHasTheClassNamesAndAConfusionMatrixOfTheTestSplit() throws Exception {
    JsonNode report = new ObjectMapper().readTree(dir.resolve("run/report.json").toFile());
    assertEquals("[\"high\",\"low\"]", report.get("classes").toString());
    JsonNode confusion = report.get("confusion_matrix");
    assertEquals(2, confusion.size());
    int total = 0;
    for (JsonNode row : confusion) {
      assertEquals(2, row.size());
      for (JsonNode count : row) {
        total += count.asInt();
      }
    }
    assertEquals(12, total, "a fifth of 60 rows is the test split");
    assertEquals(2, report.get("per_class_accuracy").size());
    assertEquals(
        "[\"high\",\"low\"]",
        new ObjectMapper().readTree(dir.resolve("run/classes.json").toFile()).toString());
  }

  @Test
  void evaluateReadsTheModelsOwnSplitWhenOnlyTheDatasetIsGiven() {
    Path table = dir.resolve("table.csv");
    assertEquals(
        0, BeanCli.run("evaluate", "--model", model.toString(), "--dataset", "csv:" + table));
    assertTrue(streams.out().contains("test (12 rows)"), streams.out());
    assertTrue(streams.out().contains("class low:"), streams.out());
    assertEquals(
        0,
        BeanCli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--dataset",
            "csv:" + table,
            "--label-column",
            "kind",
            "--test-split",
            "0.5"));
    assertTrue(streams.out().contains("test (30 rows)"), streams.out());
    assertTrue(streams.err().contains("its test split may hold training examples"), streams.err());
  }

  @Test
  void ignoredColumnsAreNeitherFeaturesNorLabels() throws Exception {
    Path out = dir.resolve("ignoring");
    assertEquals(
        0,
        BeanCli.run(
            "train",
            "--model",
            "mlp",
            "--hidden",
            "8",
            "--dataset",
            "csv:" + dir.resolve("table.csv"),
            "--label-column",
            "kind",
            "--ignore-columns",
            "id",
            "--epochs",
            "1",
            "--out",
            out.toString()));
    assertEquals(List.of("x", "y"), BeanModel.featureNamesOf(out.resolve("savedmodel/mlp")));
  }

  @Test
  void evaluateRefusesOtherClassesOrColumnsInsteadOfMatchingThemByPosition() {
    StringBuilder renamed = new StringBuilder("x,id,y,kind\n");
    StringBuilder reordered = new StringBuilder("y,id,x,kind\n");
    for (int i = 0; i < 20; i++) {
      String kind = i % 2 == 0 ? "small" : "large";
      renamed.append(i).append(",1,").append(i).append(',').append(kind).append('\n');
      reordered
          .append(i)
          .append(",1,")
          .append(i)
          .append(',')
          .append(i % 2 == 0 ? "low" : "high")
          .append('\n');
    }
    Path other = writeRows(renamed.toString());
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--dataset",
            "csv:" + other,
            "--label-column",
            "kind"));
    assertTrue(
        streams.err().contains("classes large, small but --model " + model + " predicts high, low"),
        streams.err());
    Path swapped = writeRows(reordered.toString());
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--dataset",
            "csv:" + swapped,
            "--label-column",
            "kind"));
    assertTrue(streams.err().contains("columns y, id, x but --model"), streams.err());
  }

  private static Path writeRows(String text) {
    try {
      return Files.writeString(Files.createTempFile(dir, "rows", ".csv"), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
