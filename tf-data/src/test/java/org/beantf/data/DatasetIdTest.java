package org.beantf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetIdTest {

  @Test
  void parsesEveryCommandLineName() {
    assertEquals(DatasetId.MNIST, DatasetId.parse("mnist"));
    assertEquals(DatasetId.FASHION_MNIST, DatasetId.parse("fashion-mnist"));
    assertEquals(DatasetId.CIFAR10, DatasetId.parse("cifar10"));
  }

  @Test
  void rejectsAnUnknownNameListingTheValidOnes() {
    UnknownDatasetException e =
        assertThrows(UnknownDatasetException.class, () -> DatasetId.parse("nosuch"));
    assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    assertTrue(e.getMessage().contains("mnist, fashion-mnist, cifar10"), e.getMessage());
    assertThrows(UnknownDatasetException.class, () -> DatasetId.parse("MNIST"));
  }

  @Test
  void splitsFilesIntoTrainingAndTest() {
    assertEquals(
        List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
        DatasetId.MNIST.trainFiles().stream().map(DataFile::name).toList());
    assertEquals(
        List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
        DatasetId.FASHION_MNIST.testFiles().stream().map(DataFile::name).toList());
    assertEquals(5, DatasetId.CIFAR10.trainFiles().size());
    assertEquals(
        List.of("test_batch.bin"),
        DatasetId.CIFAR10.testFiles().stream().map(DataFile::name).toList());
  }

  @Test
  void pinnedSizesMatchTheFormats() {
    for (DatasetId id : List.of(DatasetId.MNIST, DatasetId.FASHION_MNIST)) {
      assertEquals(16 + 60_000L * 28 * 28, id.files().get(0).bytes());
      assertEquals(8 + 60_000L, id.files().get(1).bytes());
      assertEquals(16 + 10_000L * 28 * 28, id.files().get(2).bytes());
      assertEquals(8 + 10_000L, id.files().get(3).bytes());
    }
    for (DataFile file : DatasetId.CIFAR10.files()) {
      assertEquals(10_000L * Cifar10Reader.RECORD_BYTES, file.bytes());
    }
    for (DatasetId id : DatasetId.values()) {
      for (DataFile file : id.files()) {
        assertTrue(file.sha256().matches("[0-9a-f]{64}"), file.name());
      }
    }
  }
}
