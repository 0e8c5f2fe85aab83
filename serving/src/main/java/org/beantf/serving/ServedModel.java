package org.beantf.serving;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One model name and its versions: those answering requests (swapped as one immutable map, so a
 * request sees the old set or the new one, never half of a swap) and every version the status API
 * reports, newest first, unloaded and failed ones included (state END), as TF Serving keeps them.
 */
final class ServedModel {
  private final String name;
  private final Path base;
  private final ConcurrentSkipListMap<Long, ServableVersion> known =
      new ConcurrentSkipListMap<>(Comparator.reverseOrder());
  private volatile NavigableMap<Long, ServableVersion> available =
      Collections.unmodifiableNavigableMap(
          new TreeMap<Long, ServableVersion>(Comparator.reverseOrder()));

  ServedModel(String name, Path base) {
    this.name = name;
    this.base = base;
  }

  String name() {
    return name;
  }

  /** TF Serving's {@code base_path}: the folder holding the numbered versions. */
  Path base() {
    return base;
  }

  /**
   * A lease on the version a request names, or on the newest AVAILABLE one when {@code version} is
   * null; the caller releases it.
   *
   * @throws ApiException (404) when that version is not AVAILABLE, with TF Serving's message
   */
  ServableVersion lease(Long version) {
    while (true) {
      NavigableMap<Long, ServableVersion> now = available;
      ServableVersion found =
          version == null ? (now.isEmpty() ? null : now.firstEntry().getValue()) : now.get(version);
      if (found == null) {
        throw notFound(name, version);
      }
      if (found.acquire()) {
        return found;
      }
      // retired between reading the map and taking the lease: a newer map is already published
    }
  }

  /**
   * TF Serving's 404 for a predict or metadata request that finds no AVAILABLE version: {@code
   * Servable not found for request: Latest(NAME)} or {@code Specific(NAME, V)}.
   */
  static ApiException notFound(String name, Long version) {
    return ApiException.notFound(
        "Servable not found for request: "
            + (version == null
                ? "Latest(" + name + ")"
                : "Specific(" + name + ", " + version + ")"));
  }

  /** Every version the status API reports, newest first. */
  List<ServableVersion> versions() {
    return List.copyOf(known.values());
  }

  /** The versions answering requests, newest first. */
  NavigableMap<Long, ServableVersion> available() {
    return available;
  }

  /** Records a version's latest state for the status API (called by the watcher). */
  void record(ServableVersion version) {
    known.put(version.version(), version);
  }

  /** Swaps in the set of versions that answer requests (called by the watcher). */
  void publish(NavigableMap<Long, ServableVersion> versions) {
    TreeMap<Long, ServableVersion> copy = new TreeMap<>(Comparator.reverseOrder());
    copy.putAll(versions);
    available = Collections.unmodifiableNavigableMap(copy);
  }
}
