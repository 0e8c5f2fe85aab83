package org.beantf.data.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.data.IdxReader;
import org.beantf.data.ImageSet;

/**
 * A folder of MNIST-style IDX files (EMNIST, KMNIST, QMNIST, Fashion-MNIST as distributed): the
 * files whose names contain {@code train-images} and {@code train-labels}, and {@code
 * t10k-images}/{@code test-images} with {@code t10k-labels}/{@code test-labels}, raw or gzip.
 */
final class IdxFolder {
  private IdxFolder() {}

  /** The training and test sets, labels as the files hold them (0..255). */
  static ImageSet[] read(Path folder) {
    List<Path> files = list(folder);
    Path trainImages = one(folder, files, "train-images");
    Path trainLabels = one(folder, files, "train-labels");
    Path testImages = one(folder, files, "t10k-images", "test-images");
    Path testLabels = one(folder, files, "t10k-labels", "test-labels");
    int anyByte = 256;
    return new ImageSet[] {
      IdxReader.read(trainImages, trainLabels, anyByte),
      IdxReader.read(testImages, testLabels, anyByte)
    };
  }

  private static List<Path> list(Path folder) {
    Sources.requireFolder(folder, "a folder of IDX files");
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new BadInputException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
    }
  }

  private static Path one(Path folder, List<Path> files, String... patterns) {
    List<Path> found =
        files.stream()
            .filter(
                p -> {
                  String name = p.getFileName().toString();
                  return Stream.of(patterns).anyMatch(name::contains);
                })
            .toList();
    String wanted = "*" + String.join("* or *", patterns) + "*";
    if (found.isEmpty()) {
      throw new BadInputException(
          folder
              + ": no file matching "
              + wanted
              + " (expected IDX files named *train-images*, *train-labels*, *t10k-images* or"
              + " *test-images*, *t10k-labels* or *test-labels*, raw or .gz)");
    }
    if (found.size() > 1) {
      throw new BadInputException(
          folder
              + ": "
              + found.size()
              + " files match "
              + wanted
              + " ("
              + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList())
              + "; expected one)");
    }
    return found.get(0);
  }
}
