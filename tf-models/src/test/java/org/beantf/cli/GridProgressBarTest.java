package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GridProgressBarTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @Test
  void aFinishedGridSaysSoInsteadOfAnEmptyBar() {
    try (GridProgressBar progress = new GridProgressBar()) {
      progress.planned(0);
    }
    assertEquals(
        "fewshot: every run of this grid is already in the store; writing the table"
            + System.lineSeparator(),
        streams.err());
  }

  @Test
  void withoutATerminalEachFinishedRunIsOneLineInsteadOfABar() {
    try (GridProgressBar progress = new GridProgressBar()) {
      progress.planned(30);
      progress.finished(10, "mnist 1-shot vanilla draw 0: test 0.5149");
      progress.finished(20, "mnist 1-shot knn draw 0: test 0.4610");
    }
    assertEquals(
        "fewshot: mnist 1-shot vanilla draw 0: test 0.5149"
            + System.lineSeparator()
            + "fewshot: mnist 1-shot knn draw 0: test 0.4610"
            + System.lineSeparator(),
        streams.err());
  }
}
