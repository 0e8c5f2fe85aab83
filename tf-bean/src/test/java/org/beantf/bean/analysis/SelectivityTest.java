package org.beantf.bean.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SelectivityTest {

  /**
   * Three classes, five neurons (columns):
   *
   * <pre>
   * neuron 0: (4, 1, 1)  preferred 0, μ−max = 1,             (4 − 1)/(4 + 1) = 0.6
   * neuron 1: (0, 0, 2)  preferred 2, μ−max = 0,             (2 − 0)/(2 + 0) = 1
   * neuron 2: (1, 1, 1)  tie → preferred 0, μ−max = 1,       0
   * neuron 3: (0, 0, 0)  never fires → preferred 0,          0
   * neuron 4: (1, 3, 3)  tie → preferred 1, μ−max = (1+3)/2, (3 − 2)/(3 + 2) = 0.2
   * </pre>
   */
  @Test
  void matchesHandComputedNeurons() {
    double[][] classMeans = {
      {4, 0, 1, 0, 1},
      {1, 0, 1, 0, 3},
      {1, 2, 1, 0, 3}
    };
    Selectivity s = Selectivity.of(classMeans);

    assertArrayEquals(new int[] {0, 2, 0, 0, 1}, s.preferredClass());
    assertArrayEquals(new double[] {0.6, 1, 0, 0, 0.2}, s.selectivity(), 1e-12);
  }

  @Test
  void rejectsFewerThanTwoClassesAndRaggedMeans() {
    assertThrows(IllegalArgumentException.class, () -> Selectivity.of(new double[][] {{1, 2}}));
    assertThrows(
        IllegalArgumentException.class, () -> Selectivity.of(new double[][] {{1, 2}, {1}}));
  }
}
