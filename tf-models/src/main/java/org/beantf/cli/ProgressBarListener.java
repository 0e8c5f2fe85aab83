package org.beantf.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beantf.models.train.EpochMetrics;
import org.beantf.models.train.TrainingListener;

/**
 * Draws one progress bar per epoch that lasts over half a second on stderr: loss (cross-entropy and
 * regularizer apart), accuracy, examples/s.
 */
final class ProgressBarListener implements TrainingListener {
  /**
   * The bar being drawn, if any: a failure closes it so that its message starts on a line of its
   * own.
   */
  private static volatile ProgressBar active;

  /**
   * An epoch shorter than this draws no bar, only its summary line: closing a bar waits for its
   * refresh thread (up to the 500 ms update interval), which made 100 epochs of a small table
   * (milliseconds each) take seconds.
   */
  private static final long BAR_AFTER_NANOS = 500_000_000L;

  /**
   * Whether a person watches: a bar redraws its line with carriage returns, which fill a log file
   * or a pipe; there, the epoch's summary line is the progress.
   */
  static final boolean INTERACTIVE = System.console() != null;

  private final int epochs;
  private ProgressBar bar;
  private int epoch;
  private int steps;
  private long epochStart;

  ProgressBarListener(int epochs) {
    this.epochs = epochs;
  }

  @Override
  public void epochStarted(int epoch, int steps, int batch) {
    this.epoch = epoch;
    this.steps = steps;
    this.epochStart = System.nanoTime();
  }

  @Override
  public void stepFinished(
      int step, double meanCe, double meanReg, double meanAccuracy, double examplesPerSecond) {
    if (bar == null) {
      if (!INTERACTIVE || System.nanoTime() - epochStart < BAR_AFTER_NANOS) {
        return;
      }
      bar =
          new ProgressBarBuilder()
              .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
              .setInitialMax(steps)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(500)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .continuousUpdate()
              .build();
      active = bar;
    }
    bar.stepTo(step);
    bar.setExtraMessage(
        String.format(
            Locale.ROOT,
            "ce %.4f reg %.4f acc %.4f %.0f ex/s",
            meanCe,
            meanReg,
            meanAccuracy,
            examplesPerSecond));
  }

  @Override
  public void epochFinished(EpochMetrics m) {
    if (bar != null) {
      bar.close();
      bar = null;
      active = null;
    }
    System.err.printf(
        Locale.ROOT,
        "epoch %d: loss %.4f (ce %.4f + reg %.4f), train acc %.4f,%s test acc %.4f, " + "%.1f s%n",
        m.epoch(),
        m.trainLoss(),
        m.trainCe(),
        m.trainReg(),
        m.trainAccuracy(),
        m.validationAccuracy() == null
            ? ""
            : String.format(Locale.ROOT, " val acc %.4f,", m.validationAccuracy()),
        m.testAccuracy(),
        m.seconds());
  }

  @Override
  public void note(String line) {
    System.err.println(line);
  }

  /** Closes the bar being drawn, if any (on a failure). */
  static void closeActive() {
    ProgressBar bar = active;
    active = null;
    if (bar != null) {
      bar.close();
    }
  }
}
