package org.beantf.serving;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.SavedModelFiles;
import org.beantf.serving.ModelConfigFile.VersionPolicy;

/**
 * Polls one model's base folder, as TF Serving's file-system source does, and loads, swaps and
 * unloads its versions. A version is loaded only when it is complete ({@link
 * SavedModelFiles#incomplete}) and no file in it changed since the previous poll (a copy in
 * progress is left alone), then warmed with one request and swapped in; versions the policy no
 * longer wants are retired after the new ones are AVAILABLE, so a swap never leaves the model
 * without a version. A version that fails to load is reported (END, with the error) and not tried
 * again until its files change; the versions serving before keep serving. Polls run on one thread.
 */
final class VersionWatcher {
  private final ServedModel model;
  private final VersionPolicy policy;
  private final Function<Path, BeanModel> loader;
  private final Consumer<String> log;
  // each version folder's files (path, size, modification time) at the previous poll
  private Map<Long, String> previous;
  // versions that failed to load, with their files then: tried again once the files change
  private final Map<Long, String> failed = new HashMap<>();
  // the last reason logged per version, so that a copy in progress is reported once, not every poll
  private final Map<Long, String> waiting = new HashMap<>();
  private String baseProblem;

  VersionWatcher(
      ServedModel model,
      VersionPolicy policy,
      Function<Path, BeanModel> loader,
      Consumer<String> log) {
    this.model = model;
    this.policy = policy;
    this.loader = loader;
    this.log = log;
  }

  ServedModel model() {
    return model;
  }

  /**
   * One poll. The first treats complete versions as settled (the server starts over a base whose
   * copies are done); later ones also want them unchanged since the previous poll.
   *
   * @throws InvalidModelException on the first poll, if the base cannot be listed (the reason
   *     passed through); later polls log it and keep serving
   */
  void poll() {
    boolean first = previous == null;
    Map<Long, Path> folders;
    try {
      folders = versionFolders(model.base());
      baseProblem = null;
    } catch (IOException e) {
      String reason = model.base() + " cannot be listed (" + reasonOf(e) + ")";
      if (first) {
        throw new InvalidModelException(reason);
      }
      if (!reason.equals(baseProblem)) {
        log.accept(
            "bean serve: " + model.name() + ": " + reason + "; the loaded versions keep serving");
        baseProblem = reason;
      }
      return;
    }
    Map<Long, String> files = new HashMap<>();
    NavigableSet<Long> ready = new TreeSet<>();
    NavigableMap<Long, ServableVersion> loaded = model.available();
    for (var entry : folders.entrySet()) {
      long version = entry.getKey();
      String fingerprint = fingerprint(entry.getValue());
      files.put(version, fingerprint);
      if (loaded.containsKey(version)) {
        ready.add(version);
        continue;
      }
      if (fingerprint.equals(failed.get(version))) {
        continue;
      }
      boolean unchanged = !first && fingerprint.equals(previous.get(version));
      // files unchanged since a check found them incomplete are not read again (a large
      // saved_model.pb that does not parse would otherwise be parsed at every poll)
      Optional<String> why =
          unchanged && waiting.containsKey(version)
              ? Optional.of(waiting.get(version))
              : SavedModelFiles.incomplete(entry.getValue());
      if (why.isPresent()) {
        if (!why.get().equals(waiting.put(version, why.get()))) {
          log.accept(
              "bean serve: "
                  + model.name()
                  + " version "
                  + version
                  + " is not complete: "
                  + why.get());
        }
        if (unchanged) {
          // a copy in progress changes between polls; files that stay incomplete are reported as
          // TF Serving reports a version that fails to load, until they change
          model.record(
              ServableVersion.failed(
                  version,
                  why.get().startsWith("no ") ? "NOT_FOUND" : "DATA_LOSS",
                  "not a complete SavedModel: " + why.get()));
        }
        continue;
      }
      waiting.remove(version);
      if (!first && !unchanged) {
        continue; // new, or still being written: loaded once unchanged at the next poll
      }
      ready.add(version);
    }
    previous = files;
    // load what the policy wants; when a load fails, ask it again without that version, until
    // every wanted version is loaded (so a corrupt newest version leaves the one before serving)
    Map<Long, ServableVersion> fresh = new HashMap<>();
    Set<Long> wanted = select(policy, ready);
    for (boolean failedOne = true; failedOne; ) {
      failedOne = false;
      for (long version : new TreeSet<>(wanted).descendingSet()) {
        if (loaded.containsKey(version) || fresh.containsKey(version)) {
          continue;
        }
        ServableVersion attempt = load(version, folders.get(version));
        model.record(attempt);
        if (attempt.state() == VersionState.AVAILABLE) {
          fresh.put(version, attempt);
        } else {
          failed.put(version, files.get(version));
          ready.remove(version);
          failedOne = true;
        }
      }
      if (failedOne) {
        wanted = select(policy, ready);
      }
    }
    NavigableMap<Long, ServableVersion> next = new TreeMap<>(Comparator.reverseOrder());
    for (long version : wanted) {
      next.put(version, loaded.containsKey(version) ? loaded.get(version) : fresh.get(version));
    }
    fresh.values().stream()
        .filter(v -> !next.containsKey(v.version()))
        .forEach(ServableVersion::retire);
    model.publish(next);
    for (ServableVersion old : loaded.values()) {
      if (!next.containsKey(old.version())) {
        old.retire();
        log.accept("bean serve: " + model.name() + " version " + old.version() + " unloaded");
      }
    }
  }

  /**
   * Why no version is AVAILABLE, for the line {@code bean serve} exits with: what keeps each
   * version folder from loading, or what the base is instead of a model base.
   */
  String whyNone() {
    Path base = model.base();
    if (Files.isRegularFile(base.resolve("saved_model.pb"))) {
      return base
          + " is a version folder, not a model base (serve its parent, the folder of numbered"
          + " versions)";
    }
    Set<Long> present;
    try {
      present = versionFolders(base).keySet();
    } catch (IOException e) {
      return base + " cannot be listed (" + reasonOf(e) + ")";
    }
    if (present.isEmpty()) {
      return Files.isDirectory(base.resolve("savedmodel"))
          ? base
              + " holds no numbered version; it looks like a run folder, whose model base is "
              + base.resolve("savedmodel").resolve("NAME")
          : base + " holds no numbered version folder (expected 1/, 2/, …)";
    }
    List<String> reasons = new ArrayList<>();
    new TreeMap<>(waiting)
        .forEach((version, why) -> reasons.add("version " + version + " is not complete: " + why));
    for (ServableVersion v : model.versions()) {
      if (!v.errorCode().equals("OK") && !waiting.containsKey(v.version())) {
        reasons.add("version " + v.version() + " failed to load: " + v.errorMessage());
      }
    }
    if (reasons.isEmpty()) {
      return "versions "
          + present
          + " are there, but the version policy ("
          + describe(policy)
          + ") selects none of them";
    }
    return String.join("; ", reasons)
        + (waiting.isEmpty() ? "" : "; give --wait to start anyway and load it once complete");
  }

  /** Loads and warms one version: AVAILABLE, or END with the reason it failed. */
  private ServableVersion load(long version, Path folder) {
    long start = System.nanoTime();
    BeanModel loadedModel = null;
    try {
      loadedModel = loader.apply(folder);
      // one request before the swap: the first Session.run allocates and picks kernels
      float[] zeros = new float[(int) loadedModel.inputShape().size()];
      loadedModel.run(SavedModelContract.SERVING_DEFAULT, zeros, 1);
      log.accept(
          String.format(
              "bean serve: %s version %d AVAILABLE (loaded and warmed in %.1f s)",
              model.name(), version, (System.nanoTime() - start) / 1e9));
      return ServableVersion.available(version, loadedModel);
    } catch (RuntimeException e) {
      if (loadedModel != null) {
        loadedModel.close();
      }
      String reason =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      String code = e instanceof IllegalArgumentException ? "INVALID_ARGUMENT" : "UNKNOWN";
      log.accept(
          "bean serve: "
              + model.name()
              + " version "
              + version
              + " failed to load: "
              + reason
              + (model.available().isEmpty() ? "" : "; the versions loaded before keep serving"));
      return ServableVersion.failed(version, code, reason);
    }
  }

  /** A policy as {@code --versions} spells it. */
  static String describe(VersionPolicy policy) {
    if (policy instanceof VersionPolicy.Latest latest) {
      return latest.numVersions() == 1 ? "latest" : "latest:" + latest.numVersions();
    }
    if (policy instanceof VersionPolicy.Specific specific) {
      return "versions " + specific.versions();
    }
    return "all";
  }

  /** The versions a policy wants among those ready, as TF Serving's version policies choose. */
  static Set<Long> select(VersionPolicy policy, NavigableSet<Long> ready) {
    if (policy instanceof VersionPolicy.Latest latest) {
      return ready.descendingSet().stream().limit(latest.numVersions()).collect(Collectors.toSet());
    }
    if (policy instanceof VersionPolicy.Specific specific) {
      return ready.stream().filter(specific.versions()::contains).collect(Collectors.toSet());
    }
    return Set.copyOf(ready);
  }

  /** The numeric version folders in {@code base}, by version. */
  static Map<Long, Path> versionFolders(Path base) throws IOException {
    Map<Long, Path> folders = new TreeMap<>();
    try (Stream<Path> entries = Files.list(base)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.matches("\\d{1,18}") && Files.isDirectory(entry)) {
          folders.put(Long.parseLong(name), entry);
        }
      }
    }
    return folders;
  }

  /** Every file under {@code folder} with its size and modification time, in one string. */
  static String fingerprint(Path folder) {
    List<String> files = new ArrayList<>();
    // links followed: a version folder linked to its files changes when they do
    try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : walk.toList()) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        files.add(
            folder.relativize(file)
                + " "
                + attributes.size()
                + " "
                + attributes.lastModifiedTime().toMillis());
      }
    } catch (IOException e) {
      return "unreadable: " + reasonOf(e); // a file removed while listed: compared as changed
    }
    files.sort(null);
    return String.join("\n", files);
  }

  static String reasonOf(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
