package org.beantf.data.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Reads one NPY file into an {@link NpyMatrix}; see {@link Npy#read(Path)}. */
final class NpyReader {
  /** float64 values other than 0 that float32 rounds to 0. */
  private int zeroedInFloat32;

  /**
   * Bytes read per call: large enough to amortize the calls, small enough not to double the memory.
   */
  private static final int CHUNK = 1 << 20;

  /**
   * A header longer than this is corrupt, not big (NumPy itself refuses more than 10,000 bytes by
   * default).
   */
  private static final long MAX_HEADER = 1 << 20;

  private static final int VERSION_OFFSET = NpyHeader.MAGIC.length;
  private static final int LENGTH_OFFSET = VERSION_OFFSET + 2;

  private final Path file;
  private final FileChannel channel;
  private final long size;

  private NpyReader(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.size = channel.size();
  }

  static NpyMatrix read(Path file) {
    return withReader(file, NpyReader::matrix);
  }

  static NpyArray readArray(Path file) {
    return withReader(file, NpyReader::array);
  }

  /** What is read from an open file. */
  private interface Body<T> {
    T read(NpyReader reader) throws IOException;
  }

  private static <T> T withReader(Path file, Body<T> body) {
    if (Files.isDirectory(file)) {
      throw new NpyFormatException(file, "is a directory (expected a .npy file)");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return body.read(new NpyReader(file, channel));
    } catch (NoSuchFileException e) {
      throw new NpyFormatException(file, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e, e);
    }
  }

  /** The header's dict and the offset where the data starts, once {@link #readHeader} ran. */
  private Map<String, HeaderDict.Entry> dict;

  private long dataStart;

  private NpyArray array() throws IOException {
    readHeader();
    NpyArrayHeader header = NpyArrayHeader.of(file, dict);
    long follow = size - dataStart;
    long expected = header.count() * header.type().size();
    if (follow != expected) {
      throw new NpyFormatException(
          file,
          (follow < expected ? "truncated" : "trailing data")
              + ": header says "
              + header.count()
              + " values ("
              + expected
              + " bytes) but "
              + follow
              + " bytes follow the header at offset "
              + dataStart);
    }
    ByteBuffer data = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
    readFully(data, dataStart);
    data.flip();
    return header.type().decode(file, header.shape(), data);
  }

  private NpyMatrix matrix() throws IOException {
    readHeader();
    NpyHeader header = NpyHeader.of(file, dict);
    long follow = size - dataStart;
    if (follow != header.dataBytes()) {
      throw new NpyFormatException(
          file,
          (follow < header.dataBytes() ? "truncated" : "trailing data")
              + ": header says "
              + header.values()
              + " values ("
              + header.dataBytes()
              + " bytes) but "
              + follow
              + " bytes follow the header at offset "
              + dataStart);
    }
    float[] values = values(header, dataStart);
    if (header.fortranOrder()) {
      values = toRowMajor(values, header.rows(), header.cols());
    }
    return NpyMatrix.wrap(header.rows(), header.cols(), values, zeroedInFloat32);
  }

  /** Reads the preamble and the header dict, checking each against the file's size. */
  private void readHeader() throws IOException {
    ByteBuffer preamble = ByteBuffer.allocate(LENGTH_OFFSET + 4).order(ByteOrder.LITTLE_ENDIAN);
    preamble.limit((int) Math.min(preamble.capacity(), size));
    readFully(preamble, 0);
    checkMagic(preamble);
    if (size < LENGTH_OFFSET) {
      throw new NpyFormatException(
          file, "truncated header: file ends at offset " + size + " inside the preamble");
    }
    int major = preamble.get(VERSION_OFFSET) & 0xff;
    int minor = preamble.get(VERSION_OFFSET + 1) & 0xff;
    if (major < 1 || major > 3 || minor != 0) {
      throw new NpyFormatException(
          file,
          "unsupported version "
              + major
              + "."
              + minor
              + " at offset "
              + VERSION_OFFSET
              + " (expected 1.0, 2.0 or 3.0)");
    }
    // Version 1.0 has a 2-byte header length; 2.0 and 3.0 have 4 bytes.
    int lengthBytes = major == 1 ? 2 : 4;
    long textStart = LENGTH_OFFSET + lengthBytes;
    if (size < textStart) {
      throw new NpyFormatException(
          file,
          "truncated header: file ends at offset "
              + size
              + " inside the "
              + lengthBytes
              + "-byte header length at offset "
              + LENGTH_OFFSET);
    }
    long textLength =
        major == 1
            ? Short.toUnsignedLong(preamble.getShort(LENGTH_OFFSET))
            : Integer.toUnsignedLong(preamble.getInt(LENGTH_OFFSET));
    if (textLength > MAX_HEADER) {
      throw new NpyFormatException(
          file,
          "header length "
              + textLength
              + " at offset "
              + LENGTH_OFFSET
              + " is implausible (expected at most "
              + MAX_HEADER
              + ")");
    }
    if (textStart + textLength > size) {
      throw new NpyFormatException(
          file,
          "truncated header: header length at offset "
              + LENGTH_OFFSET
              + " says "
              + textLength
              + " bytes but "
              + (size - textStart)
              + " bytes follow at offset "
              + textStart);
    }
    ByteBuffer text = ByteBuffer.allocate((int) textLength);
    readFully(text, textStart);
    // Version 3.0 exists only to allow UTF-8 in the header.
    Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    dict = HeaderDict.parse(file, new String(text.array(), charset), textStart);
    dataStart = textStart + textLength;
  }

  /**
   * A file cut short inside the magic is truncated; any byte that differs from it means another
   * format.
   */
  private void checkMagic(ByteBuffer preamble) {
    int have = Math.min(preamble.limit(), NpyHeader.MAGIC.length);
    for (int i = 0; i < have; i++) {
      if (preamble.get(i) != NpyHeader.MAGIC[i]) {
        throw new NpyFormatException(
            file,
            "bad magic at offset 0: found '" + escape(preamble, have) + "' (expected \\x93NUMPY)");
      }
    }
  }

  private static String escape(ByteBuffer bytes, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int b = bytes.get(i) & 0xff;
      out.append(b >= ' ' && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return out.toString();
  }

  /** Decodes the data section; float64 values are rounded to the nearest float32. */
  private float[] values(NpyHeader header, long dataStart) throws IOException {
    float[] out = new float[(int) header.values()];
    int item = header.dtype().size();
    ByteBuffer chunk =
        ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(item, header.dataBytes())))
            .order(ByteOrder.LITTLE_ENDIAN);
    long position = dataStart;
    for (int done = 0; done < out.length; ) {
      int n = Math.min(out.length - done, chunk.capacity() / item);
      chunk.clear().limit(n * item);
      readFully(chunk, position);
      chunk.flip();
      if (header.dtype() == NpyDtype.FLOAT32) {
        chunk.asFloatBuffer().get(out, done, n);
      } else {
        DoubleBuffer doubles = chunk.asDoubleBuffer();
        for (int i = 0; i < n; i++) {
          double value = doubles.get(i);
          long at = done + i;
          float rounded = Float32Cast.of(file, value, () -> place(header, at));
          if (rounded == 0 && value != 0) {
            zeroedInFloat32++;
          }
          out[done + i] = rounded;
        }
      }
      done += n;
      position += (long) n * item;
    }
    return out;
  }

  /** "[r, c]" of the {@code k}-th value in the file's order. */
  private static String place(NpyHeader header, long k) {
    long r = header.fortranOrder() ? k % header.rows() : k / header.cols();
    long c = header.fortranOrder() ? k / header.rows() : k % header.cols();
    return "[" + r + ", " + c + "]";
  }

  /** Fortran (column-major) order puts element (r, c) at {@code c * rows + r}. */
  private static float[] toRowMajor(float[] colMajor, int rows, int cols) {
    float[] out = new float[colMajor.length];
    for (int c = 0; c < cols; c++) {
      int from = c * rows;
      for (int r = 0; r < rows; r++) {
        out[r * cols + c] = colMajor[from + r];
      }
    }
    return out;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        // The size was checked up front, so only a file shrinking under us gets here.
        throw new NpyFormatException(
            file, "truncated: file ended at offset " + position + " while reading");
      }
      position += n;
    }
  }
}
