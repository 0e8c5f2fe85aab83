package org.beantf.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.beantf.data.DatasetId;

/**
 * A Debian package that ships the dataset, fetched with {@code apt-get download} and unpacked with
 * {@code dpkg-deb --fsys-tarfile}: nothing is installed and the system's package state is not
 * touched.
 *
 * <p>{@code apt-get download} needs package lists. Where the system has none for the package (a
 * machine where {@code apt-get update} never ran), the lists are fetched into a private folder of
 * the cache instead.
 */
final class DebianPackageSource implements DatasetSource {
  private final String packageName;
  private final Path privateApt;

  /**
   * @param privateApt where private package lists live if the system's do not know the package
   */
  DebianPackageSource(String packageName, Path privateApt) {
    this.packageName = packageName;
    this.privateApt = privateApt;
  }

  @Override
  public String describe() {
    return "Debian package " + packageName;
  }

  @Override
  public Map<String, Path> provide(DatasetId id, Path staging, Consumer<String> log)
      throws SourceUnavailableException, IOException {
    if (!ExternalCommand.onPath("apt-get") || !ExternalCommand.onPath("dpkg-deb")) {
      throw new SourceUnavailableException("apt-get or dpkg-deb is not on the PATH");
    }
    log.accept(id + ": apt-get download " + packageName);
    ExternalCommand.Result result =
        ExternalCommand.run(apt(List.of(), "download", packageName), staging);
    if (!result.ok()) {
      log.accept(
          id
              + ": the system's package lists do not have "
              + packageName
              + "; fetching lists into "
              + privateApt);
      List<String> privateLists = privateListOptions();
      ExternalCommand.Result update = ExternalCommand.run(apt(privateLists, "update"), staging);
      if (!update.ok()) {
        throw new SourceUnavailableException("apt-get update failed: " + update.lastLine());
      }
      result = ExternalCommand.run(apt(privateLists, "download", packageName), staging);
      if (!result.ok()) {
        throw new SourceUnavailableException("apt-get download failed: " + result.lastLine());
      }
    }
    Path deb = findDeb(staging);
    try {
      return unpack(id, deb, staging);
    } finally {
      Files.deleteIfExists(deb);
    }
  }

  private Map<String, Path> unpack(DatasetId id, Path deb, Path staging)
      throws SourceUnavailableException, IOException {
    List<String> command = List.of("dpkg-deb", "--fsys-tarfile", deb.toString());
    Process process = ExternalCommand.start(command, staging, false);
    Map<String, Path> staged;
    try (InputStream tar = process.getInputStream()) {
      staged = Staging.extractTar(id, tar, staging);
    }
    if (ExternalCommand.waitFor(process, command) != 0) {
      throw new SourceUnavailableException("dpkg-deb could not unpack " + deb.getFileName());
    }
    return staged;
  }

  /** apt-get as this user: the sandbox user is set so apt never needs to hand files to "_apt". */
  private static List<String> apt(List<String> options, String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "apt-get", "-q", "-o", "APT::Sandbox::User=" + System.getProperty("user.name")));
    command.addAll(options);
    command.addAll(List.of(arguments));
    return command;
  }

  private List<String> privateListOptions() throws IOException {
    Files.createDirectories(privateApt.resolve("lists/partial"));
    Files.createDirectories(privateApt.resolve("cache/archives/partial"));
    return List.of(
        "-o", "Dir::State::Lists=" + privateApt.resolve("lists"),
        "-o", "Dir::Cache=" + privateApt.resolve("cache"),
        "-o", "Debug::NoLocking=1");
  }

  private static Path findDeb(Path staging) throws SourceUnavailableException, IOException {
    try (Stream<Path> files = Files.list(staging)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".deb"))
          .findFirst()
          .orElseThrow(() -> new SourceUnavailableException("apt-get download left no .deb file"));
    }
  }
}
