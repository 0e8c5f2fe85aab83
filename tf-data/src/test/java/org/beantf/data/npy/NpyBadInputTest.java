package org.beantf.data.npy;

import static org.beantf.data.npy.NpyBytes.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.beantf.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyBadInputTest {
  private static final String F4_2X3 =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n";

  @TempDir Path dir;

  /**
   * Reads {@code bytes} as W.npy and returns the one-line message, after checking it names the
   * file.
   */
  private String failure(byte[] bytes) throws IOException {
    Path file = dir.resolve("W.npy");
    Files.write(file, bytes);
    return failure(file);
  }

  private static String failure(Path file) {
    NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
    String message = e.getMessage();
    assertEquals(file + ": ", message.substring(0, file.toString().length() + 2), message);
    assertFalse(message.contains("\n"), message);
    return message.substring(file.toString().length() + 2);
  }

  @Test
  void isABadInputException() {
    assertThrows(BadInputException.class, () -> Npy.read(dir.resolve("x.npy")));
  }

  @Test
  void missingFile() {
    assertEquals("no such file", failure(dir.resolve("W.npy")));
  }

  @Test
  void directory() {
    assertEquals("is a directory (expected a .npy file)", failure(dir));
  }

  @Test
  void badMagic() throws IOException {
    assertEquals(
        "bad magic at offset 0: found 'PK\\x03\\x04\\x14\\x00' (expected \\x93NUMPY)",
        failure(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0}));
  }

  @Test
  void badMagicInAShortFile() throws IOException {
    assertEquals(
        "bad magic at offset 0: found 'hi' (expected \\x93NUMPY)", failure(new byte[] {'h', 'i'}));
  }

  @Test
  void emptyOrCutInsideThePreamble() throws IOException {
    assertEquals(
        "truncated header: file ends at offset 0 inside the preamble", failure(new byte[0]));
    assertEquals(
        "truncated header: file ends at offset 4 inside the preamble",
        failure(Arrays.copyOf(NpyBytes.file(F4_2X3, floats(1, 2, 3, 4, 5, 6)), 4)));
  }

  @Test
  void cutInsideTheHeaderLength() throws IOException {
    assertEquals(
        "truncated header: file ends at offset 11 inside the 4-byte header length at offset 8",
        failure(Arrays.copyOf(NpyBytes.file(2, F4_2X3, new byte[0]), 11)));
  }

  @Test
  void unsupportedVersion() throws IOException {
    byte[] bytes = NpyBytes.file(F4_2X3, floats(1, 2, 3, 4, 5, 6));
    bytes[6] = 4;
    assertEquals("unsupported version 4.0 at offset 6 (expected 1.0, 2.0 or 3.0)", failure(bytes));
  }

  @Test
  void truncatedHeader() throws IOException {
    byte[] whole = NpyBytes.file(F4_2X3, floats(1, 2, 3, 4, 5, 6));
    assertEquals(
        "truncated header: header length at offset 8 says 60 bytes but 40 bytes follow at offset 10",
        failure(Arrays.copyOf(whole, 50)));
  }

  @Test
  void implausibleHeaderLength() throws IOException {
    byte[] bytes = NpyBytes.file(2, F4_2X3, new byte[0]);
    bytes[11] = 0x7f;
    String message = failure(bytes);
    assertEquals(
        "header length 2130706492 at offset 8 is implausible (expected at most 1048576)", message);
  }

  @Test
  void unsupportedDtype() throws IOException {
    assertEquals(
        "unsupported dtype '<i8' (expected <f4 or <f8)",
        failure(
            NpyBytes.file(
                "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }\n", new byte[48])));
  }

  @Test
  void structuredDtype() throws IOException {
    assertEquals(
        "unsupported dtype [('x', '<f4')] (expected <f4 or <f8)",
        failure(
            NpyBytes.file(
                "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2, 3), }\n",
                new byte[24])));
  }

  @Test
  void bigEndian() throws IOException {
    assertEquals(
        "big-endian dtype '>f4' is not supported (expected little-endian <f4 or <f8)",
        failure(
            NpyBytes.file(
                "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }\n", new byte[24])));
    assertEquals(
        "big-endian dtype '>f8' is not supported (expected little-endian <f4 or <f8)",
        failure(
            NpyBytes.file(
                "{'descr': '>f8', 'fortran_order': False, 'shape': (2, 3), }\n", new byte[48])));
  }

  @Test
  void threeDimensions() throws IOException {
    assertEquals(
        "shape (2, 3, 4) is 3-D (expected a 2-D array)",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }\n", new byte[96])));
  }

  @Test
  void oneDimension() throws IOException {
    assertEquals(
        "shape (5,) is 1-D (expected a 2-D array)",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }\n", new byte[20])));
  }

  @Test
  void scalar() throws IOException {
    assertEquals(
        "shape () is 0-D (expected a 2-D array)",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (), }\n", new byte[4])));
  }

  @Test
  void shapeTooLarge() throws IOException {
    assertEquals(
        "shape (100000, 100000) is too large (expected at most 2147483639 values)",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }\n",
                new byte[0])));
  }

  @Test
  void nonIntegerShape() throws IOException {
    assertEquals(
        "shape ('2', 3) does not hold two integers",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': ('2', 3), }\n", new byte[24])));
  }

  @Test
  void fortranOrderNotABoolean() throws IOException {
    assertEquals(
        "fortran_order 'no' is not True or False",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': 'no', 'shape': (2, 3), }\n", new byte[24])));
  }

  @Test
  void missingKey() throws IOException {
    assertEquals(
        "header has no 'shape' key (expected 'descr', 'fortran_order' and 'shape')",
        failure(NpyBytes.file("{'descr': '<f4', 'fortran_order': False}\n", new byte[24])));
  }

  @Test
  void malformedHeaderNamesTheOffset() throws IOException {
    // The header text starts at offset 10, so the '=' at index 9 is at offset 19.
    assertEquals(
        "bad header at offset 19: expected ':', found '='",
        failure(NpyBytes.file("{'descr' = '<f4'}\n", new byte[0])));
    assertEquals(
        "bad header at offset 65: expected ',' or ')', found '}'",
        failure(
            NpyBytes.file(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3}\n", new byte[0])));
    assertEquals(
        "bad header at offset 10: expected '{', found 'x'",
        failure(NpyBytes.file("x", new byte[0])));
    assertEquals(
        "bad header at offset 26: expected the end of the header after the dict, found '}'",
        failure(NpyBytes.file("{'descr': '<f4'}}\n", new byte[0])));
  }

  @Test
  void truncatedData() throws IOException {
    // 10 preamble bytes and 60 header bytes put the data at offset 70.
    assertEquals(
        "truncated: header says 6 values (24 bytes) but 20 bytes follow the header at offset 70",
        failure(NpyBytes.file(F4_2X3, floats(1, 2, 3, 4, 5))));
  }

  @Test
  void trailingData() throws IOException {
    assertEquals(
        "trailing data: header says 6 values (24 bytes) but 28 bytes follow the header at offset 70",
        failure(NpyBytes.file(F4_2X3, floats(1, 2, 3, 4, 5, 6, 7))));
  }
}
