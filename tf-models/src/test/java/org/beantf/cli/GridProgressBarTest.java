package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void aGridWithWorkLeftDrawsItsBarAndTheLastRun() {
    try (GridProgressBar progress = new GridProgressBar()) {
      progress.planned(30);
      progress.finished(30, "mnist 1-shot vanilla draw 0: test 0.5149");
    }
    assertTrue(streams.err().contains("30/30"), streams.err());
    assertTrue(streams.err().contains("mnist 1-shot vanilla draw 0"), streams.err());
  }
}
