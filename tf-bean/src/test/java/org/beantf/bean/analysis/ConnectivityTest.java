package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectivityTest {

  /**
   * |tanh(γw)| &lt; 0.01: at γ = 1, 0, 0.005 and 0.009 qualify (tanh(x) ≈ x), 0.02, 1 and 3 do not:
   * 3/6. At γ = 2, tanh(0.01) = 0.0099997 still qualifies but tanh(0.018) does not: 2/6.
   */
  @Test
  void countsConnectionsBelowTheThresholdAfterTanh() {
    double[][] w = {{0, 0.005, 1}, {-0.02, 0.009, -3}};

    assertEquals(0.5, Connectivity.sparsity(w, 1), 1e-12);
    assertEquals(0.5, Connectivity.sparsity(w, 1, 0.01), 1e-12);
    assertEquals(2.0 / 6, Connectivity.sparsity(w, 2), 1e-12);
    assertEquals(4.0 / 6, Connectivity.sparsity(w, 1, 0.5), 1e-12);
  }

  @Test
  void averagesTheOutgoingRowsOfEachAssembly() {
    double[][] w = {{1, 2}, {0, 4}, {3, 6}, {2, 0}, {5, 1}};

    assertArrayEquals(
        new double[][] {{3, 3}, {1, 2}},
        Connectivity.meanOutgoingProfiles(w, new int[] {0, 1, 0, 1, 0}, 2));
  }

  @Test
  void rejectsEmptyAssembliesLabelsOutOfRangeAndBadGamma() {
    double[][] w = {{1, 2}, {0, 4}};
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> Connectivity.meanOutgoingProfiles(w, new int[] {0, 0}, 2));
    assertEquals(
        "assembly 1 has no neuron; expected every label 0..1 at least once", empty.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Connectivity.meanOutgoingProfiles(w, new int[] {0, 2}, 2));
    assertThrows(IllegalArgumentException.class, () -> Connectivity.sparsity(w, 0));
    assertThrows(IllegalArgumentException.class, () -> Connectivity.sparsity(w, 1, 0));
  }

  @Test
  void findsEachNeuronsStrongestOutgoingConnectionWhateverItsSign() {
    double[][] w = {{0.1, -0.9, 0.5}, {0.3, 0.2, 0.4}, {-0.7, 0.7, 0}};
    // |−0.9| wins in row 0; 0.4 in row 1; a tie between −0.7 and 0.7 goes to the first column
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new int[] {1, 2, 0}, Connectivity.strongestOutgoing(w));
  }

  @Test
  void countsTheNegativeShareOfPresentConnectionsOnly() {
    // present (|tanh w| >= 0.01): -0.5, 0.2, -0.03, -1; absent: 0.001, -0.005
    double[][] w = {{-0.5, 0.001}, {0.2, -0.005}, {-0.03, -1}};
    org.junit.jupiter.api.Assertions.assertEquals(0.75, Connectivity.negativeFraction(w, 1), 1e-12);
    org.junit.jupiter.api.Assertions.assertTrue(
        Double.isNaN(Connectivity.negativeFraction(new double[][] {{0.001}}, 1)));
  }
}
