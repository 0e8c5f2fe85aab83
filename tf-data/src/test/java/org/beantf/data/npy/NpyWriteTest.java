package org.beantf.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.beantf.data.io.OutputWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyWriteTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"1,1", "1,17", "17,1", "3,4", "64,33", "0,5", "5,0", "0,0", "700,1000"})
  void roundTripsRandomValuesBitForBit(int rows, int cols) {
    // 700x1000 floats is 2.8 MB, more than one 1 MiB chunk on both sides.
    Random random = new Random(rows * 31L + cols);
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian() * 100;
    }
    NpyMatrix written = NpyMatrix.of(rows, cols, values);
    Path file = dir.resolve("m.npy");

    Npy.writeFloat32(file, written);
    NpyMatrix read = Npy.read(file);

    assertEquals(rows, read.rows());
    assertEquals(cols, read.cols());
    assertArrayEquals(values, read.data());
  }

  @Test
  void roundTripsNonFiniteAndExtremeValues() {
    float[] values = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      -0f,
      Float.MIN_VALUE,
      Float.MAX_VALUE
    };
    Path file = dir.resolve("odd.npy");
    Npy.writeFloat32(file, NpyMatrix.of(2, 3, values));
    assertEquals(NpyMatrix.of(2, 3, values), Npy.read(file));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Npy.read(file).get(1, 0)));
  }

  @Test
  void writesExactlyWhatNumpySaveWrites() throws IOException {
    // np.save(f, np.array([[1.5, -2, 0], [3.25, 1e-3, np.inf]], dtype='<f4')) with NumPy 2.4.
    byte[] numpy =
        NpyBytes.hex(
            "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572"
                + "273a2046616c73652c20277368617065273a2028322c2033292c207d2020202020202020202020202020202020202020202020"
                + "20202020202020202020202020202020202020202020202020202020202020202020200a0000c03f000000c000000000000050"
                + "406f12833a0000807f");
    Path file = dir.resolve("numpy.npy");
    Npy.writeFloat32(
        file, NpyMatrix.of(2, 3, new float[] {1.5f, -2, 0, 3.25f, 1e-3f, Float.POSITIVE_INFINITY}));
    assertArrayEquals(numpy, Files.readAllBytes(file));
  }

  @ParameterizedTest
  @CsvSource({"3,4,'(3, 4)'", "123456,0,'(123456, 0)'", "1,1,'(1, 1)'"})
  void padsTheHeaderToSixtyFourBytesWithSpacesAndANewline(int rows, int cols, String shape)
      throws IOException {
    Path file = dir.resolve("h.npy");
    Npy.writeFloat32(file, NpyMatrix.of(rows, cols, new float[rows * cols]));
    byte[] bytes = Files.readAllBytes(file);

    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64);
    assertEquals(10 + headerLength + rows * cols * 4, bytes.length);
    assertArrayEquals(
        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8));
    String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    // NumPy's header for any 2-D float32 array fits in 118 bytes, rows of up to 21 digits included.
    assertEquals(118, headerLength);
    assertEquals(dict + " ".repeat(headerLength - dict.length() - 1) + "\n", header);
  }

  @Test
  void createsParentDirectoriesAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a/b/c.npy");
    Npy.writeFloat32(file, NpyMatrix.of(1, 2, new float[] {1, 2}));
    assertEquals(NpyMatrix.of(1, 2, new float[] {1, 2}), Npy.read(file));
    assertEquals(List.of(file), list(file.getParent()));
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path file = dir.resolve("w.npy");
    Npy.writeFloat32(file, NpyMatrix.of(50, 50, new float[2500]));
    Npy.writeFloat32(file, NpyMatrix.of(1, 1, new float[] {7}));
    assertEquals(NpyMatrix.of(1, 1, new float[] {7}), Npy.read(file));
    assertEquals(List.of(file), list(dir));
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFile() throws IOException {
    // A non-empty directory in the way makes the final rename fail after the data was written.
    Path file = dir.resolve("taken.npy");
    Files.createDirectories(file.resolve("inside"));
    OutputWriteException e =
        assertThrows(
            OutputWriteException.class,
            () -> Npy.writeFloat32(file, NpyMatrix.of(1, 1, new float[] {1})));
    assertTrue(e.getMessage().startsWith(file + ": cannot write"), e.getMessage());
    assertEquals(List.of(file), list(dir));
    assertTrue(Files.isDirectory(file.resolve("inside")));
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
