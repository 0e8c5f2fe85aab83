package org.beantf.data.npy;

import static org.beantf.data.npy.NpyBytes.doubles;
import static org.beantf.data.npy.NpyBytes.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReadTest {
  @TempDir Path dir;

  private NpyMatrix read(byte[] bytes) throws IOException {
    Path file = dir.resolve("in.npy");
    Files.write(file, bytes);
    return Npy.read(file);
  }

  @Test
  void readsFloat64InCOrderRoundingToFloat32() throws IOException {
    double[] values = {0.1, -2.5, 1e-3, 3e38, -3e38, Double.NaN};
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }  \n",
                doubles(values)));
    assertEquals(3, m.rows());
    assertEquals(2, m.cols());
    assertArrayEquals(new float[] {0.1f, -2.5f, 1e-3f, 3e38f, -3e38f, Float.NaN}, m.data());
  }

  @Test
  void aFloat64ValueOutsideFloat32sRangeIsReportedAsTheFileHoldsIt() {
    // shape (2, 2): [[1e300, 1], [2, -1e40]] in C order; in Fortran order the second value is [1,
    // 0]
    byte[] c =
        NpyBytes.file(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }  \n",
            doubles(new double[] {1, 2, 3, -1e40}));
    NpyFormatException e = assertThrows(NpyFormatException.class, () -> read(c));
    assertTrue(
        e.getMessage()
            .endsWith(
                ": holds -1.0E40 at [1, 1], outside float32's range (±3.4e38; BEAN computes in float32)"),
        e.getMessage());
    byte[] fortran =
        NpyBytes.file(
            "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }   \n",
            doubles(new double[] {1, 1e300, 3, 4}));
    e = assertThrows(NpyFormatException.class, () -> read(fortran));
    assertTrue(e.getMessage().contains(": holds 1.0E300 at [1, 0], outside"), e.getMessage());
  }

  @Test
  void float64ValuesTooSmallForFloat32AreCounted() throws IOException {
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 4), }  \n",
                doubles(new double[] {1e-50, -1e-60, 0, 1e-3})));
    assertArrayEquals(new float[] {0f, -0f, 0f, 1e-3f}, m.data());
    assertEquals(2, m.zeroedInFloat32(), "1e-50 and -1e-60, not the 0 the file holds");
  }

  @Test
  void transposesFloat32FortranOrderIntoRowMajor() throws IOException {
    // The 2x3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column.
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }\n",
                floats(1, 4, 2, 5, 3, 6)));
    assertEquals(NpyMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6}), m);
    assertEquals(5f, m.get(1, 1));
    assertEquals(3f, m.get(0, 2));
  }

  @Test
  void transposesLargeFortranFloat64AcrossChunks() throws IOException {
    // 400x500 doubles is 1.6 MB, more than one 1 MiB read.
    int rows = 400;
    int cols = 500;
    double[] colMajor = new double[rows * cols];
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        colMajor[c * rows + r] = r * 1000 + c;
      }
    }
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f8', 'fortran_order': True, 'shape': (400, 500), }\n",
                doubles(colMajor)));
    assertEquals(rows, m.rows());
    assertEquals(cols, m.cols());
    for (int r = 0; r < rows; r += 37) {
      for (int c = 0; c < cols; c += 41) {
        assertEquals(r * 1000 + c, m.get(r, c));
      }
    }
    assertEquals(399 * 1000 + 499, m.get(399, 499));
  }

  @Test
  void readsNumpysFortranFloat64File() throws IOException {
    // np.save(f, np.asfortranarray(np.array([[1.0, 2, 3], [4, 5, 6]], dtype='<f8'))) with NumPy
    // 2.4.
    NpyMatrix m =
        read(
            NpyBytes.hex(
                "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72"
                    + "646572273a20547275652c20277368617065273a2028322c2033292c207d2020202020202020202020202020202020202020"
                    + "2020202020202020202020202020202020202020202020202020202020202020202020202020200a000000000000f03f0000"
                    + "0000000010400000000000000040000000000000144000000000000008400000000000001840"));
    assertEquals(NpyMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6}), m);
  }

  @Test
  void readsAVersion2HeaderWithAFourByteLength() throws IOException {
    NpyMatrix m =
        read(
            NpyBytes.file(
                2,
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }"
                    + " ".repeat(300)
                    + "\n",
                floats(7, 8, 9)));
    assertEquals(NpyMatrix.of(1, 3, new float[] {7, 8, 9}), m);
  }

  @Test
  void readsNumpysVersion3File() throws IOException {
    // np.lib.format.write_array(f, np.array([[1, 2], [3, 4]], dtype='<f4'), version=(3, 0)).
    NpyMatrix m =
        read(
            NpyBytes.hex(
                "934e554d50590300740000007b276465736372273a20273c6634272c2027666f727472616e5f"
                    + "6f72646572273a2046616c73652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020"
                    + "20202020202020202020202020202020202020202020202020202020202020202020202020200a0000803f0000004000004040"
                    + "00008040"));
    assertEquals(NpyMatrix.of(2, 2, new float[] {1, 2, 3, 4}), m);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'shape': (2, 1), 'fortran_order': False, 'descr': '<f4'}",
        "{ 'fortran_order' :False,'descr':'<f4' , 'shape':( 2 ,1 , ) , }\n",
        "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2L, 1L)}\r\n",
        "{'descr': '<f4', 'fortran_order': False, 'shape': [2, 1], 'extra': {'a': (None, True, 'x\\'y')}, }",
      })
  void parsesHeaderDictsRobustly(String header) throws IOException {
    assertEquals(
        NpyMatrix.of(2, 1, new float[] {-1, 1}), read(NpyBytes.file(header, floats(-1, 1))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=f4", "|f4"})
  void readsNativeOrderMarkersAsLittleEndianOnALittleEndianMachine(String descr)
      throws IOException {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    String header = "\t{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2, 1)}";
    assertEquals(
        NpyMatrix.of(2, 1, new float[] {-1, 1}), read(NpyBytes.file(header, floats(-1, 1))));
  }

  @Test
  void readsAnEmptyMatrix() throws IOException {
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4), }\n", new byte[0]));
    assertEquals(0, m.rows());
    assertEquals(4, m.cols());
  }

  @Test
  void passesNonFiniteValuesThrough() throws IOException {
    NpyMatrix m =
        read(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }\n",
                floats(Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY)));
    assertArrayEquals(
        new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}, m.data());
  }
}
