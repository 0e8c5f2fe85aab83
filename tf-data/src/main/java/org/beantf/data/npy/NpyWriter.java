package org.beantf.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.beantf.data.io.OutputWriteException;

/**
 * Writes an {@link NpyMatrix} as a float32 NPY file; see {@link Npy#writeFloat32(Path, NpyMatrix)}.
 */
final class NpyWriter {
  private static final int CHUNK = 1 << 20;

  private NpyWriter() {}

  static void writeFloat32(Path file, NpyMatrix matrix) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    // Our own name rather than Files.createTempFile, whose owner-only permissions the rename would
    // keep.
    Path temp =
        dir.resolve(
            "."
                + target.getFileName()
                + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    try {
      Files.createDirectories(dir);
      try {
        writeTo(temp, matrix);
        move(temp, target);
      } catch (IOException | RuntimeException e) {
        deleteAfterFailure(temp, e);
        throw e;
      }
    } catch (IOException e) {
      throw OutputWriteException.of(file, e);
    }
  }

  private static void writeTo(Path temp, NpyMatrix matrix) throws IOException {
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      writeFully(
          channel,
          ByteBuffer.wrap(
              new NpyHeader(NpyDtype.FLOAT32, false, matrix.rows(), matrix.cols()).toBytes()));
      float[] data = matrix.rawData();
      ByteBuffer chunk =
          ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(4L, data.length * 4L)))
              .order(ByteOrder.LITTLE_ENDIAN);
      for (int done = 0; done < data.length; ) {
        int n = Math.min(data.length - done, chunk.capacity() / 4);
        chunk.clear();
        chunk.asFloatBuffer().put(data, done, n);
        chunk.limit(n * 4);
        writeFully(channel, chunk);
        done += n;
      }
      // On disk before the rename, so a crash cannot leave the new name on an incomplete file.
      channel.force(true);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void deleteAfterFailure(Path temp, Exception failure) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
