package org.beantf.data.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetSpec;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.UnknownDatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetSpecTest {
  @Test
  void eachFormNamesItsKindAndPaths() {
    assertEquals(DatasetId.CIFAR10, DatasetSpec.parse("cifar10").build().builtin());
    assertEquals(Path.of("my dir"), DatasetSpec.parse("images:my dir").build().path());
    assertEquals(DatasetSpec.Kind.CSV, DatasetSpec.parse("csv:t.csv").build().kind());
    assertEquals(DatasetSpec.Kind.IDX, DatasetSpec.parse("idx:emnist").build().kind());
    DatasetSpec npy = DatasetSpec.parse("npy:a,b/x.npy,y.npy").build();
    assertEquals(Path.of("a,b/x.npy"), npy.path(), "split at the last comma");
    assertEquals(Path.of("y.npy"), npy.labels());
    assertEquals(DatasetSpec.DEFAULT_TEST_SPLIT, npy.testSplit());
    assertFalse(npy.hasOwnTestSet());
  }

  @Test
  void aLeadingTildeIsTheHomeFolderAsTheShellWouldHaveIt() {
    Path home = Path.of(System.getProperty("user.home"));
    assertEquals(home.resolve("photos"), DatasetSpec.parse("images:~/photos").build().path());
    DatasetSpec npy = DatasetSpec.parse("npy:~/x.npy,~/y.npy").build();
    assertEquals(home.resolve("x.npy"), npy.path());
    assertEquals(home.resolve("y.npy"), npy.labels());
    assertEquals(Path.of("a~/b"), DatasetSpec.parse("csv:a~/b").build().path());
  }

  @Test
  void anUnknownNameListsTheForms() {
    assertThrows(UnknownDatasetException.class, () -> DatasetSpec.parse("minst"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"images:", "csv:", "npy:", "npy:x.npy", "npy:x.npy,", "npy:,y.npy"})
  void aMissingPathIsASettingError(String text) {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> DatasetSpec.parse(text));
    assertEquals("dataset", e.parameter());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void aTestSplitOutsideZeroToOneIsRefused(double fraction) {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> DatasetSpec.parse("csv:t.csv").testSplit(fraction).build());
    assertEquals("test-split", e.parameter());
    assertTrue(e.getMessage().contains("expected a fraction 0 < F < 1"), e.getMessage());
  }

  @Test
  void optionsThatDoNotApplyToTheSourceAreRefused() {
    InvalidSettingException split =
        assertThrows(
            InvalidSettingException.class, () -> DatasetSpec.parse("mnist").testSplit(0.1).build());
    assertTrue(split.getMessage().contains("mnist has its own test set"), split.getMessage());
    InvalidSettingException column =
        assertThrows(
            InvalidSettingException.class,
            () -> DatasetSpec.parse("images:d").labelColumn("y").build());
    assertEquals("label-column", column.parameter());
    assertTrue(column.getMessage().contains("applies to csv:"), column.getMessage());
    assertThrows(
        InvalidSettingException.class, () -> DatasetSpec.parse("csv:t.csv").channels(3).build());
    assertThrows(
        InvalidSettingException.class, () -> DatasetSpec.parse("images:d").channels(2).build());
    assertThrows(
        InvalidSettingException.class, () -> DatasetSpec.parse("images:d").imageSize(0, 5).build());
    assertThrows(
        InvalidSettingException.class, () -> DatasetSpec.parse("csv:t").test("npy:a,b").build());
  }

  @Test
  void anNpyTestPairGivesItsOwnTestSet() {
    DatasetSpec spec = DatasetSpec.parse("npy:x.npy,y.npy").test("npy:xt.npy,yt.npy").build();
    assertTrue(spec.hasOwnTestSet());
    assertEquals(Path.of("xt.npy"), spec.testPath());
    assertEquals(Path.of("yt.npy"), spec.testLabels());
  }
}
