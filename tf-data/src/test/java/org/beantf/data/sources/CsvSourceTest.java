package org.beantf.data.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetLoader;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InputKind;
import org.beantf.data.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  @TempDir Path dir;

  /** Ten rows per class: x = class + i/10, a constant column, and the label as a name. */
  private Path table(String header, String labelPrefix) {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int i = 0; i < 30; i++) {
      int c = i % 3;
      csv.append(c + i / 100.0).append(",7,").append(labelPrefix).append(c).append('\n');
    }
    return SourceFiles.text(dir.resolve("t.csv"), csv.toString());
  }

  private static Dataset load(DatasetSpec.Builder spec) {
    return Sources.load(spec.build(), DatasetLoader.Listener.SILENT);
  }

  @Test
  void aTableBecomesFeaturesWithSortedClassNamesAndAStratifiedSplit() {
    Path file = table("x,const,kind", "k");
    Dataset data = load(DatasetSpec.csv(file));
    assertEquals(InputKind.FEATURES, data.info().input());
    assertEquals(List.of("k0", "k1", "k2"), data.info().classNames());
    assertEquals(List.of("x", "const"), data.info().featureNames());
    assertEquals(24, data.train().size());
    assertEquals(6, data.test().size());
    assertArrayEquals(new int[] {2, 2, 2}, data.test().classCounts(3));
  }

  @Test
  void standardisationUsesTheTrainingSplitAndAConstantFeatureIsDividedByOne() {
    Dataset data = load(DatasetSpec.csv(table("x,const,kind", "k")));
    Preprocessing.Standardize s = (Preprocessing.Standardize) data.info().preprocessing();
    float[] row = new float[2];
    double sum = 0;
    double squares = 0;
    int n = data.train().size();
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      data.train().copyImage(i, row, 0);
      xs[i] = row[0];
      sum += row[0];
    }
    double mean = sum / n;
    for (double x : xs) {
      squares += (x - mean) * (x - mean);
    }
    assertEquals(mean, s.mean()[0], 1e-6);
    assertEquals(Math.sqrt(squares / n), s.scale()[0], 1e-6);
    assertEquals(7f, s.mean()[1]);
    assertEquals(1f, s.scale()[1], "standard deviation 0 → divided by 1");
  }

  @Test
  void integerLabelsKeepTheirOrderAndAnotherColumnCanHoldThem() {
    StringBuilder csv = new StringBuilder("label,a\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i % 2 == 0 ? 10 : 9).append(',').append(i).append('\n');
    }
    Path file = SourceFiles.text(dir.resolve("n.csv"), csv.toString());
    BadInputException gap =
        assertThrows(
            BadInputException.class, () -> load(DatasetSpec.csv(file).labelColumn("label")));
    assertTrue(gap.getMessage().contains("no example of label 0"), gap.getMessage());

    Path ok =
        SourceFiles.text(
            dir.resolve("ok.csv"), csv.toString().replace("10,", "0,").replace("9,", "1,"));
    Dataset data = load(DatasetSpec.csv(ok).labelColumn("label"));
    assertEquals(List.of("0", "1"), data.info().classNames());
    assertEquals(List.of("a"), data.info().featureNames());
  }

  @Test
  void badTablesAreNamedByFileLineAndColumn() {
    Path ragged = SourceFiles.text(dir.resolve("r.csv"), "a,b,y\n1,2,p\n3,q\n");
    assertMessage(ragged, null, "r.csv: line 3 has 2 columns (expected 3, as the header)");
    Path text = SourceFiles.text(dir.resolve("x.csv"), "a,b,y\n1,2,p\n3,abc,q\n");
    assertMessage(text, null, "x.csv: line 3, column 'b': 'abc' is not a number");
    Path missing = SourceFiles.text(dir.resolve("m.csv"), "a,b,y\n1,,p\n");
    assertMessage(missing, null, "m.csv: line 2, column 'b': missing value");
    Path huge = SourceFiles.text(dir.resolve("h.csv"), "a,y\n1e300,p\n2,q\n");
    assertMessage(huge, null, "line 2, column 'a': 1e300 is outside float32's range");
    Path nan = SourceFiles.text(dir.resolve("n.csv"), "a,y\nNaN,p\n");
    assertMessage(nan, null, "'NaN' is not finite");
    Path noColumn = SourceFiles.text(dir.resolve("c.csv"), "a,b\n1,2\n");
    assertMessage(
        noColumn, "label", "no column 'label' (expected --label-column to name one of: a, b)");
    Path one = SourceFiles.text(dir.resolve("o.csv"), "a,y\n1,p\n2,p\n");
    assertMessage(one, null, "1 class ('p') (expected at least 2");
    Path empty = SourceFiles.text(dir.resolve("e.csv"), "");
    assertMessage(empty, null, "e.csv: empty");
    assertMessage(dir.resolve("absent.csv"), null, "absent.csv: no such file");
  }

  @Test
  void editorsAndParsersQuirksAreHandledOrNamed() {
    Path bom =
        SourceFiles.text(
            dir.resolve("bom.csv"),
            "\uFEFFa,y\n1,p\n2,q\n3,p\n4,q\n5,p\n6,q\n7,p\n8,q\n9,p\n10,q\n");
    assertEquals(
        List.of("a"), load(DatasetSpec.csv(bom)).info().featureNames(), "no byte-order mark");
    Path suffix = SourceFiles.text(dir.resolve("f.csv"), "a,y\n1f,p\n");
    assertMessage(suffix, null, "line 2, column 'a': '1f' is not a number");
    Path hex = SourceFiles.text(dir.resolve("hx.csv"), "a,y\n0x1p3,p\n");
    assertMessage(hex, null, "'0x1p3' is not a number");
    Path inf = SourceFiles.text(dir.resolve("i.csv"), "a,y\n-inf,p\n");
    assertMessage(inf, null, "'-inf' is not finite");
    Path quote = SourceFiles.text(dir.resolve("q.csv"), "a,y\n1,p\n2,\"q\n");
    assertMessage(quote, null, "q.csv: line 4: cannot be read as CSV (Missing closing quote");
    Path newline = SourceFiles.text(dir.resolve("nl.csv"), "a,y\n1,\"two\nlines\"\n2,p\n");
    assertMessage(newline, null, "class name 'two\\nlines'");
    Path gap = SourceFiles.text(dir.resolve("g.csv"), "a,b\n1,0\n2,2\n");
    assertMessage(gap, null, "(labels from column 'b', the last; --label-column names another)");
  }

  @Test
  void ignoredColumnsMustExistAndThePixelLimitIsForImagesOnly() {
    Path file = table("x,id,kind", "k");
    assertEquals(
        List.of("x"),
        load(DatasetSpec.csv(file).ignoreColumns(List.of("id"))).info().featureNames());
    assertMessage2(
        () -> load(DatasetSpec.csv(file).ignoreColumns(List.of("nope"))),
        "no column 'nope' (expected --ignore-columns to name some of: x, id, kind)");
    assertMessage2(() -> load(DatasetSpec.csv(file).maxPixels(10)), "--dataset " + "csv:" + file);
  }

  private static void assertMessage2(
      org.junit.jupiter.api.function.Executable run, String expected) {
    BadInputException e = assertThrows(BadInputException.class, run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private void assertMessage(Path file, String labelColumn, String expected) {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> load(DatasetSpec.csv(file).labelColumn(labelColumn)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line");
  }
}
