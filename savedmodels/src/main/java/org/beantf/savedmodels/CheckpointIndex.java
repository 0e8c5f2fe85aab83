package org.beantf.savedmodels;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tensorflow.proto.BundleEntryProto;

/**
 * The slices of data shards that a checkpoint's {@code variables.index} promises: TensorFlow's
 * tensor bundle index, a table in LevelDB's format (data blocks of prefix-compressed key/value
 * entries, an index block of their handles, a 48-byte footer) whose values are {@code
 * BundleEntryProto}s (shard, offset, size of each tensor). Read so that a shard cut short is found
 * before TensorFlow reads it ("Read less bytes than requested").
 */
final class CheckpointIndex {
  private static final long MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER = 48;
  private static final int TRAILER = 5;

  /** One tensor's bytes: shard {@code shard}, from {@code offset}, {@code size} of them. */
  record Slice(String tensor, int shard, long offset, long size) {}

  /** One entry of a table block: its full key and its value. */
  private record Entry(byte[] key, byte[] value) {}

  private CheckpointIndex() {}

  /**
   * The slices {@code index} promises, or empty when its table cannot be read here (compressed
   * blocks, another format): then nothing is claimed about the shards.
   */
  static Optional<List<Slice>> read(Path index) throws IOException {
    byte[] bytes = Files.readAllBytes(index);
    if (bytes.length < FOOTER) {
      return Optional.empty();
    }
    ByteBuffer footer =
        ByteBuffer.wrap(bytes, bytes.length - FOOTER, FOOTER).order(ByteOrder.LITTLE_ENDIAN);
    if (footer.getLong(bytes.length - 8) != MAGIC) {
      return Optional.empty();
    }
    int[] at = {bytes.length - FOOTER};
    varint(bytes, at); // the metaindex block: not needed
    varint(bytes, at);
    long indexOffset = varint(bytes, at);
    long indexSize = varint(bytes, at);
    List<Slice> slices = new ArrayList<>();
    try {
      for (Entry handle : entries(bytes, indexOffset, indexSize)) {
        int[] h = {0};
        long offset = varint(handle.value(), h);
        long size = varint(handle.value(), h);
        for (Entry entry : entries(bytes, offset, size)) {
          slices.add(slice(entry));
        }
      }
    } catch (IllegalStateException | InvalidProtocolBufferException e) {
      return Optional.empty();
    }
    return Optional.of(slices);
  }

  /** A data entry: a tensor's name and its BundleEntryProto, or the header (empty name). */
  private static Slice slice(Entry entry) throws InvalidProtocolBufferException {
    String key = new String(entry.key(), StandardCharsets.UTF_8);
    if (key.isEmpty()) {
      return new Slice("", -1, 0, 0); // the header entry (a BundleHeaderProto): no bytes of its own
    }
    BundleEntryProto proto = BundleEntryProto.parseFrom(entry.value());
    return new Slice(key, proto.getShardId(), proto.getOffset(), proto.getSize());
  }

  /** The entries of the block at {@code offset}, keys restored from their shared prefixes. */
  private static List<Entry> entries(byte[] file, long offset, long size) {
    if (offset < 0 || size < 4 || offset + size + TRAILER > file.length) {
      throw new IllegalStateException("block outside the file");
    }
    if (file[(int) (offset + size)] != 0) {
      throw new IllegalStateException("compressed block"); // snappy: not read here
    }
    int start = (int) offset;
    int end = (int) (offset + size);
    int restarts = ByteBuffer.wrap(file, end - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int limit = end - 4 - 4 * restarts;
    List<Entry> out = new ArrayList<>();
    byte[] key = new byte[0];
    int[] at = {start};
    while (at[0] < limit) {
      int shared = (int) varint(file, at);
      int unshared = (int) varint(file, at);
      int valueLength = (int) varint(file, at);
      byte[] next = new byte[shared + unshared];
      System.arraycopy(key, 0, next, 0, shared);
      System.arraycopy(file, at[0], next, shared, unshared);
      key = next;
      at[0] += unshared;
      out.add(new Entry(key, Arrays.copyOfRange(file, at[0], at[0] + valueLength)));
      at[0] += valueLength;
    }
    return out;
  }

  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= bytes.length) {
        throw new IllegalStateException("varint past the end");
      }
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalStateException("varint too long");
  }
}
