package org.beantf.savedmodels;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tensorflow.proto.AssetFileDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/**
 * The files of a SavedModel version, checked before TensorFlow reads them: {@code saved_model.pb},
 * {@code variables/variables.index}, every data shard the shard names promise ({@code
 * variables.data-NNNNN-of-MMMMM}, all M of them) and, from the index ({@link CheckpointIndex}),
 * that no shard holds fewer bytes than its tensors need (a copy cut short). A version still being
 * copied (its {@code variables/} not there yet) is what TF Serving's file-system source waits for;
 * TensorFlow itself would load it and fail on the first prediction with "uninitialized value",
 * naming no folder.
 */
public final class SavedModelFiles {
  private static final Pattern SHARD = Pattern.compile("variables\\.data-(\\d{5})-of-(\\d{5})");

  // protobuf refuses messages over 2 GiB; reading such a file whole would not fit in an array
  private static final long MAX_PROTO_BYTES = Integer.MAX_VALUE - 8;

  private SavedModelFiles() {}

  /** What is missing from the version folder {@code version}, or empty when it is complete. */
  public static Optional<String> missing(Path version) {
    if (!Files.isRegularFile(version.resolve("saved_model.pb"))) {
      return Optional.of("no saved_model.pb");
    }
    Path variables = version.resolve("variables");
    if (!Files.isDirectory(variables)) {
      return Optional.of("no variables/ folder (a copy still running?)");
    }
    if (!Files.isRegularFile(variables.resolve("variables.index"))) {
      return Optional.of("no variables/variables.index");
    }
    int shards = -1;
    try (Stream<Path> files = Files.list(variables)) {
      for (Path file : files.toList()) {
        Matcher m = SHARD.matcher(file.getFileName().toString());
        if (m.matches()) {
          shards = Math.max(shards, Integer.parseInt(m.group(2)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + variables, e);
    }
    if (shards < 1) {
      return Optional.of("no variables/variables.data-* shard");
    }
    for (int shard = 0; shard < shards; shard++) {
      String name = shardName(shard, shards);
      if (!Files.isRegularFile(variables.resolve(name))) {
        return Optional.of("no variables/" + name);
      }
    }
    return shortShard(variables, shards);
  }

  /**
   * What keeps the version folder {@code version} from loading, or empty when it is complete: as
   * {@link #missing}, and also {@code saved_model.pb} parses, {@code variables/variables.index}
   * parses as a tensor bundle index, and every asset the graph names is in {@code assets/}. What
   * {@code bean serve} checks before it loads a version it found while polling.
   */
  public static Optional<String> incomplete(Path version) {
    Optional<String> missing = missing(version);
    if (missing.isPresent()) {
      return missing;
    }
    SavedModel model;
    try {
      long size = Files.size(version.resolve("saved_model.pb"));
      if (size > MAX_PROTO_BYTES) {
        return Optional.of(
            "saved_model.pb holds " + size + " bytes, beyond a protocol buffer's 2 GB limit");
      }
      model = SavedModel.parseFrom(Files.readAllBytes(version.resolve("saved_model.pb")));
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("saved_model.pb does not parse (" + e.getMessage() + ")");
    } catch (IOException e) {
      return Optional.of("saved_model.pb cannot be read (" + e.getMessage() + ")");
    }
    try {
      if (CheckpointIndex.read(version.resolve("variables").resolve("variables.index")).isEmpty()) {
        return Optional.of("variables/variables.index does not parse as a tensor bundle index");
      }
    } catch (IOException e) {
      return Optional.of("variables/variables.index cannot be read (" + e.getMessage() + ")");
    }
    for (MetaGraphDef meta : model.getMetaGraphsList()) {
      for (AssetFileDef asset : meta.getAssetFileDefList()) {
        if (!Files.isRegularFile(version.resolve("assets").resolve(asset.getFilename()))) {
          return Optional.of("no assets/" + asset.getFilename() + " (the graph names it)");
        }
      }
    }
    return Optional.empty();
  }

  private static String shardName(int shard, int shards) {
    return String.format("variables.data-%05d-of-%05d", shard, shards);
  }

  /** A shard that holds fewer bytes than the index promises (a copy cut short), if there is one. */
  private static Optional<String> shortShard(Path variables, int shards) {
    try {
      Optional<List<CheckpointIndex.Slice>> slices =
          CheckpointIndex.read(variables.resolve("variables.index"));
      if (slices.isEmpty()) {
        return Optional.empty();
      }
      long[] needed = new long[shards];
      for (CheckpointIndex.Slice slice : slices.get()) {
        if (slice.shard() >= 0 && slice.shard() < shards) {
          needed[slice.shard()] = Math.max(needed[slice.shard()], slice.offset() + slice.size());
        }
      }
      for (int shard = 0; shard < shards; shard++) {
        long size = Files.size(variables.resolve(shardName(shard, shards)));
        if (size < needed[shard]) {
          return Optional.of(
              "variables/"
                  + shardName(shard, shards)
                  + " holds "
                  + size
                  + " bytes, the index promises "
                  + needed[shard]);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + variables, e);
    }
  }

  /**
   * The version {@code folder} names: the folder itself when it holds saved_model.pb, else the
   * newest complete numeric version of the model base it is, as TF Serving's file-system source
   * picks it; each newer version that is not complete is passed over with a line to {@code
   * warnings}.
   *
   * @throws InvalidModelException for a version folder that is not complete (naming what is
   *     missing), or a base without a complete version
   */
  public static Path resolve(Path folder, Consumer<String> warnings) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidModelException(folder + ": no such folder (expected a SavedModel folder)");
    }
    if (Files.isRegularFile(folder.resolve("saved_model.pb"))) {
      missing(folder)
          .ifPresent(
              reason -> {
                throw new InvalidModelException(
                    folder + ": not a complete SavedModel version (" + reason + ")");
              });
      return folder;
    }
    List<Path> versions;
    try (Stream<Path> entries = Files.list(folder)) {
      versions =
          entries
              .filter(p -> p.getFileName().toString().matches("\\d{1,18}") && Files.isDirectory(p))
              .sorted(
                  Comparator.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString()))
                      .reversed())
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    for (Path version : versions) {
      Optional<String> reason = missing(version);
      if (reason.isEmpty()) {
        return version;
      }
      warnings.accept(
          "bean: warning: " + version + " is not complete (" + reason.get() + "); passing it over");
    }
    throw new InvalidModelException(
        folder
            + ": no saved_model.pb and no complete numeric version in it (expected a SavedModel folder, or a model "
            + "base with numeric version folders)");
  }
}
