package org.beantf.models.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The reordering and downsampling behind the heat maps. */
class AnalysisPlotsTest {

  @Test
  void neuronsAreOrderedByAssemblyThenPreferredClassThenIndex() {
    int[] assembly = {1, 0, 1, 0, 0};
    int[] preferred = {3, 2, 1, 2, 0};
    assertArrayEquals(new int[] {4, 1, 3, 2, 0}, AnalysisPlots.assemblyOrder(assembly, preferred));
  }

  @Test
  void aSquareMatrixIsReorderedOnBothAxesARectangularOneByRows() {
    double[][] a = {{0, 1, 2}, {10, 11, 12}, {20, 21, 22}};
    int[] order = {2, 0, 1};
    assertArrayEquals(
        new double[][] {{22, 20, 21}, {2, 0, 1}, {12, 10, 11}}, AnalysisPlots.reorder(a, order));
    double[][] w = {{0, 1}, {10, 11}, {20, 21}};
    assertArrayEquals(new double[][] {{20, 21}, {0, 1}, {10, 11}}, AnalysisPlots.reorder(w, order));
  }

  @Test
  void blockMeansAverageSquareBlocksIncludingARaggedLastOne() {
    double[][] m = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        m[i][j] = i * 5 + j;
      }
    }
    double[][] means = AssemblyCharts.blockMeans(m, 3);
    assertEquals(3, means.length);
    assertEquals((0 + 1 + 5 + 6) / 4.0, means[0][0], 1e-12);
    assertEquals(24, means[2][2], 1e-12);
    assertEquals((20 + 21) / 2.0, means[2][0], 1e-12);
    assertSame(m, AssemblyCharts.blockMeans(m, 5), "small enough: unchanged");
  }

  @Test
  void blockRowsAverageConsecutiveRows() {
    double[][] m = {{1, 2}, {3, 4}, {5, 6}};
    assertArrayEquals(new double[][] {{2, 3}, {5, 6}}, AssemblyCharts.blockRows(m, 2));
  }
}
