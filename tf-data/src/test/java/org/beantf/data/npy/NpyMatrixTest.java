package org.beantf.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpyMatrixTest {
  private final NpyMatrix m = NpyMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6});

  @Test
  void indexesRowMajor() {
    assertEquals(2, m.rows());
    assertEquals(3, m.cols());
    assertEquals(3f, m.get(0, 2));
    assertEquals(4f, m.get(1, 0));
    assertEquals(6f, m.get(1, 2));
  }

  @Test
  void rejectsIndexesOutOfRange() {
    assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
    // Would land inside the array (index 3) without the column check.
    assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> m.get(-1, 0));
  }

  @Test
  void copiesOnTheWayInAndOut() {
    float[] values = {1, 2};
    NpyMatrix copy = NpyMatrix.of(1, 2, values);
    values[0] = 99;
    assertEquals(1f, copy.get(0, 0));
    copy.data()[1] = 99;
    assertEquals(2f, copy.get(0, 1));
  }

  @Test
  void rejectsAMismatchedLengthOrNegativeShape() {
    assertThrows(IllegalArgumentException.class, () -> NpyMatrix.of(2, 3, new float[5]));
    assertThrows(IllegalArgumentException.class, () -> NpyMatrix.of(2, 3, new float[7]));
    assertThrows(IllegalArgumentException.class, () -> NpyMatrix.of(-1, 0, new float[0]));
    assertThrows(NullPointerException.class, () -> NpyMatrix.of(0, 0, null));
  }

  @Test
  void allowsEmptyMatricesAndKeepsTheOtherDimension() {
    NpyMatrix empty = NpyMatrix.of(0, 5, new float[0]);
    assertEquals(0, empty.rows());
    assertEquals(5, empty.cols());
    assertEquals(0, empty.toFloatRows().length);
    assertNotEquals(NpyMatrix.of(5, 0, new float[0]), empty);
  }

  @Test
  void convertsToFloatRowsAndBack() {
    float[][] rows = m.toFloatRows();
    assertArrayEquals(new float[] {1, 2, 3}, rows[0]);
    assertArrayEquals(new float[] {4, 5, 6}, rows[1]);
    assertEquals(m, NpyMatrix.of(rows));
  }

  @Test
  void rejectsRaggedRows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NpyMatrix.of(new float[][] {{1, 2}, {3}}));
    assertTrue(e.getMessage().contains("row 1 has 1 values (expected 2)"), e.getMessage());
  }

  @Test
  void equalityIsShapeAndValues() {
    assertEquals(NpyMatrix.of(2, 3, m.data()), m);
    assertEquals(NpyMatrix.of(2, 3, m.data()).hashCode(), m.hashCode());
    assertNotEquals(NpyMatrix.of(3, 2, m.data()), m);
    assertEquals(
        NpyMatrix.of(1, 1, new float[] {Float.NaN}), NpyMatrix.of(1, 1, new float[] {Float.NaN}));
  }
}
