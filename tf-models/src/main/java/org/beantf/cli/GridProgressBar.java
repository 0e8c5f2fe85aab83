package org.beantf.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beantf.models.experiments.FewShotGrid;

/**
 * One progress bar over a whole few-shot grid on stderr, with its ETA; the units weigh each run by
 * its cost, and the last finished run is shown beside the bar. A grid with nothing left to run says
 * so instead of drawing an empty bar: its runs are in the store, or it is a shard without cells.
 */
final class GridProgressBar implements FewShotGrid.Listener, AutoCloseable {
  private final FewShotGrid.Plan plan;
  private ProgressBar bar;

  /** A bar for {@code plan}. */
  GridProgressBar(FewShotGrid.Plan plan) {
    this.plan = plan;
  }

  @Override
  public void planned(long work) {
    if (work == 0 && plan.shard() != null && plan.shard().cells(plan).isEmpty()) {
      System.err.println(
          "note: shard "
              + plan.shard()
              + " has none of the grid's "
              + plan.cells().size()
              + " cells to run (more shards than cells)");
      return;
    }
    if (work == 0) {
      System.err.println(
          "fewshot: every run of this grid is already in the store; writing the table");
      return;
    }
    if (!ProgressBarListener.INTERACTIVE) {
      return; // a log gets one line per finished run instead
    }
    bar =
        new ProgressBarBuilder()
            .setTaskName("fewshot")
            .setInitialMax(work)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(1000)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .showSpeed()
            .build();
  }

  @Override
  public void finished(long work, String line) {
    if (bar == null) {
      System.err.println("fewshot: " + line);
      return;
    }
    bar.stepBy(work);
    bar.setExtraMessage(line);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
