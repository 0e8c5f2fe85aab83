package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.beantf.data.DatasetId;
import org.beantf.models.experiments.FewShotGrid;
import org.beantf.models.experiments.FewShotMethod;
import org.beantf.models.experiments.FewShotProtocol;
import org.beantf.models.experiments.FewShotShard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GridProgressBarTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  /** mnist 1-shot vanilla and knn: two cells. */
  private static final FewShotGrid.Plan GRID = shard(null);

  private static FewShotGrid.Plan shard(FewShotShard shard) {
    return new FewShotGrid.Plan(
        FewShotProtocol.STRICT,
        List.of(DatasetId.MNIST),
        List.of(1),
        List.of(0),
        FewShotMethod.parseList("vanilla,knn"),
        10,
        shard);
  }

  @Test
  void aFinishedGridSaysSoInsteadOfAnEmptyBar() {
    try (GridProgressBar progress = new GridProgressBar(GRID)) {
      progress.planned(0);
    }
    assertEquals(
        "fewshot: every run of this grid is already in the store; writing the table"
            + System.lineSeparator(),
        streams.err());
  }

  @Test
  void withoutATerminalEachFinishedRunIsOneLineInsteadOfABar() {
    try (GridProgressBar progress = new GridProgressBar(GRID)) {
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

  @Test
  void aShardWithoutCellsSaysSoOnceNotThatItsRunsAreInTheStore() {
    try (GridProgressBar progress = new GridProgressBar(shard(new FewShotShard(2, 3)))) {
      progress.planned(0);
    }
    assertEquals(
        "note: shard 2/3 has none of the grid's 2 cells to run (more shards than cells)"
            + System.lineSeparator(),
        streams.err());
  }
}
