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
      for (byte[] handle : entries(bytes, indexOffset, indexSize, false)) {
        int[] h = {0};
        long offset = varint(handle, h);
        long size = varint(handle, h);
        for (byte[] entry : entries(bytes, offset, size, true)) {
          slices.add(slice(entry));
        }
      }
    } catch (IllegalStateException | InvalidProtocolBufferException e) {
      return Optional.empty();
    }
    return Optional.of(slices);
  }

  /** A data entry: its key then its value, as {@link #entries} gives them. */
  private static Slice slice(byte[] keyAndValue) throws InvalidProtocolBufferException {
    int[] at = {0};
    int keyLength = (int) varint(keyAndValue, at);
    String key = new String(keyAndValue, at[0], keyLength, StandardCharsets.UTF_8);
    byte[] value = Arrays.copyOfRange(keyAndValue, at[0] + keyLength, keyAndValue.length);
    if (key.isEmpty()) {
      return new Slice("", -1, 0, 0); // the header entry (a BundleHeaderProto): no bytes of its own
    }
    BundleEntryProto entry = BundleEntryProto.parseFrom(value);
    return new Slice(key, entry.getShardId(), entry.getOffset(), entry.getSize());
  }

  /**
   * The entries of the block at {@code offset}: their values, or (with {@code withKeys}) each key's
   * length as a varint, the key and the value.
   */
  private static List<byte[]> entries(byte[] file, long offset, long size, boolean withKeys) {
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
    List<byte[]> out = new ArrayList<>();
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
      byte[] value = Arrays.copyOfRange(file, at[0], at[0] + valueLength);
      at[0] += valueLength;
      if (withKeys) {
        byte[] length = varintBytes(key.length);
        byte[] all = new byte[length.length + key.length + value.length];
        System.arraycopy(length, 0, all, 0, length.length);
        System.arraycopy(key, 0, all, length.length, key.length);
        System.arraycopy(value, 0, all, length.length + key.length, value.length);
        out.add(all);
      } else {
        out.add(value);
      }
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

  private static byte[] varintBytes(int value) {
    ByteBuffer out = ByteBuffer.allocate(5);
    int v = value;
    while ((v & ~0x7f) != 0) {
      out.put((byte) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.put((byte) v);
    return Arrays.copyOf(out.array(), out.position());
  }
}
