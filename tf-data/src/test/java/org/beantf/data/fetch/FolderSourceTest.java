package org.beantf.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts people download: each IDX file in a folder of its own name (one level), named when it
 * is empty.
 */
class FolderSourceTest {
  @TempDir Path dir;

  @Test
  void eachFileInAFolderOfItsOwnNameIsFound() throws Exception {
    Path from = Files.createDirectories(dir.resolve("downloads"));
    for (DataFile file : DatasetId.MNIST.files()) {
      Path folder = Files.createDirectories(from.resolve(file.name()));
      Files.write(folder.resolve(file.name()), new byte[] {1, 2, 3});
    }
    Map<String, Path> found =
        FolderSource.of(from, DatasetId.MNIST)
            .provide(DatasetId.MNIST, Files.createDirectories(dir.resolve("staging")), line -> {});
    for (DataFile file : DatasetId.MNIST.files()) {
      assertEquals(from.resolve(file.name()).resolve(file.name()), found.get(file.name()));
    }
  }

  @Test
  void aFileBesideItsFolderIsTakenFirst() throws Exception {
    Path from = Files.createDirectories(dir.resolve("downloads"));
    for (DataFile file : DatasetId.MNIST.files()) {
      Files.createDirectories(from.resolve(file.name() + ".gz"));
      Files.write(from.resolve(file.name()), new byte[] {1});
    }
    Map<String, Path> found =
        FolderSource.of(from, DatasetId.MNIST)
            .provide(DatasetId.MNIST, Files.createDirectories(dir.resolve("staging")), line -> {});
    assertEquals(from.resolve("train-images-idx3-ubyte"), found.get("train-images-idx3-ubyte"));
  }

  @Test
  void aFolderWithoutTheFileIsNamedAsAFolder() throws Exception {
    Path from = Files.createDirectories(dir.resolve("downloads"));
    for (DataFile file : DatasetId.MNIST.files()) {
      Files.write(from.resolve(file.name()), new byte[] {1});
    }
    Files.delete(from.resolve("t10k-labels-idx1-ubyte"));
    Files.createDirectories(from.resolve("t10k-labels-idx1-ubyte"));
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                FolderSource.of(from, DatasetId.MNIST)
                    .provide(
                        DatasetId.MNIST, Files.createDirectories(dir.resolve("staging")), l -> {}));
    String message = e.messageFor(p -> "--" + p);
    assertTrue(
        message.startsWith(
            "--from "
                + from
                + ": no t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz (t10k-labels-idx1-ubyte is a folder,"
                + " and holds no such file either)"),
        message);
  }
}
