package org.beantf.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  private static final DataFile TRAIN_IMAGES = DatasetId.MNIST.files().get(0);

  @Test
  void matchesTheCacheNameInsideAnArchivePath() {
    assertEquals(
        TRAIN_IMAGES, FileNames.match(DatasetId.MNIST, "package/data/train-images-idx3-ubyte"));
    assertEquals(TRAIN_IMAGES, FileNames.match(DatasetId.MNIST, "train-images-idx3-ubyte"));
  }

  @Test
  void matchesTheGzipAndDottedVariants() {
    assertEquals(TRAIN_IMAGES, FileNames.match(DatasetId.MNIST, "train-images-idx3-ubyte.gz"));
    assertEquals(TRAIN_IMAGES, FileNames.match(DatasetId.MNIST, "data/train-images.idx3-ubyte"));
    assertEquals(
        DatasetId.MNIST.files().get(3),
        FileNames.match(DatasetId.MNIST, "t10k-labels.idx1-ubyte.gz"));
  }

  @Test
  void matchesCifarBatchesInTheirArchiveFolder() {
    assertEquals(
        DatasetId.CIFAR10.files().get(5),
        FileNames.match(DatasetId.CIFAR10, "cifar-10-batches-bin/test_batch.bin"));
  }

  @Test
  void returnsNullForAnythingElse() {
    assertNull(FileNames.match(DatasetId.MNIST, "package/README.md"));
    assertNull(FileNames.match(DatasetId.MNIST, "train-images-idx3-ubyte.tar"));
    assertNull(FileNames.match(DatasetId.MNIST, "train-images-idx3-ubyte/"));
    assertNull(FileNames.match(DatasetId.MNIST, "cifar-10-batches-bin/test_batch.bin"));
  }

  @Test
  void candidatesPreferTheCacheName() {
    assertEquals(
        List.of("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
        FileNames.candidates(TRAIN_IMAGES));
    assertEquals(
        List.of("data_batch_1.bin"), FileNames.candidates(DatasetId.CIFAR10.files().get(0)));
  }
}
