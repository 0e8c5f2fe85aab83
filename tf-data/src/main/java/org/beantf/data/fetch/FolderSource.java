package org.beantf.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;

/**
 * A folder the user names ({@code --from DIR}): raw or gzip IDX files, or CIFAR-10's binary batches
 * (also inside a {@code cifar-10-batches-bin} subfolder, or as the {@code cifar-10-binary.tar.gz}
 * archive itself). A folder that lacks a file is bad input, not a reason to go to the network.
 */
final class FolderSource implements DatasetSource {
  static final String CIFAR_ARCHIVE = "cifar-10-binary.tar.gz";
  private static final String CIFAR_FOLDER = "cifar-10-batches-bin";

  private final Path folder;

  private FolderSource(Path folder) {
    this.folder = folder;
  }

  @Override
  public String describe() {
    return "folder " + folder;
  }

  /** Checks that the user named a folder, before anything is written to the cache. */
  static FolderSource of(Path folder, DatasetId id) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidSettingException(
          "from",
          folder,
          "not a folder (expected a folder holding the " + id.cliName() + " files)");
    }
    return new FolderSource(folder);
  }

  @Override
  public Map<String, Path> provide(DatasetId id, Path staging, Consumer<String> log)
      throws IOException {
    Path archive = folder.resolve(CIFAR_ARCHIVE);
    if (id == DatasetId.CIFAR10
        && !hasAll(id, folder)
        && !hasAll(id, folder.resolve(CIFAR_FOLDER))
        && Files.isRegularFile(archive)) {
      log.accept(id + ": extracting " + archive);
      return Staging.extractTarGz(id, archive, staging);
    }
    Map<String, Path> found = new LinkedHashMap<>();
    for (DataFile file : id.files()) {
      Path path = find(file, folder);
      if (path == null && id == DatasetId.CIFAR10) {
        path = find(file, folder.resolve(CIFAR_FOLDER));
      }
      if (path == null) {
        Path asFolder = folderNamed(file, folder);
        throw new InvalidSettingException(
            "from",
            folder,
            "no "
                + file.name()
                + " or "
                + file.name()
                + ".gz"
                + (asFolder == null
                    ? ""
                    : " ("
                        + asFolder.getFileName()
                        + " is a folder, and holds no such file either)")
                + " (expected the "
                + id.cliName()
                + " files, raw or gzip, each in the folder or in a folder of its own name"
                + (id == DatasetId.CIFAR10 ? ", or " + CIFAR_ARCHIVE : "")
                + ")");
      }
      found.put(file.name(), path);
    }
    return found;
  }

  private static boolean hasAll(DatasetId id, Path dir) {
    return id.files().stream().allMatch(file -> find(file, dir) != null);
  }

  /**
   * {@code file} in {@code dir}, raw or gzip, under any of its usual names; or one level down, in a
   * folder of that name (a widely shared MNIST archive unpacks as {@code
   * train-images-idx3-ubyte/train-images-idx3-ubyte}).
   */
  private static Path find(DataFile file, Path dir) {
    for (String name : names(file)) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    for (String name :
        FileNames.candidates(file)) { // one level down, in a folder of the file's own name
      for (String outer : List.of(name, name + ".gz")) {
        for (String inner : List.of(name, name + ".gz")) {
          if (Files.isRegularFile(dir.resolve(outer).resolve(inner))) {
            return dir.resolve(outer).resolve(inner);
          }
        }
      }
    }
    return null;
  }

  /**
   * A folder in {@code dir} named as {@code file} is, if there is one: what to tell a user who
   * expected a file.
   */
  private static Path folderNamed(DataFile file, Path dir) {
    for (String name : names(file)) {
      if (Files.isDirectory(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }

  /** Every name {@code file} may have here: its usual names, raw or gzip. */
  private static List<String> names(DataFile file) {
    List<String> names = new ArrayList<>();
    for (String name : FileNames.candidates(file)) {
      names.add(name);
      names.add(name + ".gz");
    }
    return names;
  }
}
