package org.beantf.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beantf.data.DatasetId;
import org.beantf.models.train.BatchFeeder;

/**
 * The cost of a regularizer as a ratio to the vanilla training step, measured so that a noisy
 * machine does not decide it: the graphs of every configuration are built side by side, and each
 * round runs one step of each, in an order that rotates from round to round. The ratio of a round
 * compares steps taken within milliseconds of each other; the median over rounds and its quartiles
 * are printed. JMH's TrainingStepBenchmark gives the absolute times; on a busy machine its
 * configurations, run minutes apart, see different loads.
 *
 * <pre>
 * TrainingStepRatio MODEL REG[,REG...] ROUNDS   e.g. TrainingStepRatio mlp none,bean1,bean2 3000
 * </pre>
 *
 * The first regularizer is the baseline. The first fifth of the rounds is warm-up and not counted.
 */
public final class TrainingStepRatio {
  private static final int BATCH = BenchmarkStep.BATCH;

  private TrainingStepRatio() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: TrainingStepRatio MODEL REG[,REG...] ROUNDS");
      System.exit(2);
    }
    System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0"); // as the bean command runs
    String model = args[0];
    String[] regs = args[1].split(",");
    int rounds = Integer.parseInt(args[2]);
    DatasetId dataset = model.equals("resnet18") ? DatasetId.CIFAR10 : DatasetId.MNIST;
    List<BenchmarkStep> steps = new ArrayList<>();
    try (BatchFeeder feeder =
        new BatchFeeder(TrainingStepBenchmark.randomImages(BATCH, dataset), BATCH)) {
      int[] batch = new int[BATCH];
      Arrays.setAll(batch, i -> i);
      BatchFeeder.Fed fed = feeder.feed(batch);
      for (String reg : regs) {
        steps.add(new BenchmarkStep(model, dataset, reg));
      }
      double[][] millis = new double[regs.length][rounds];
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < regs.length; k++) {
          int which = (round + k) % regs.length;
          long start = System.nanoTime();
          steps.get(which).run(fed);
          millis[which][round] = (System.nanoTime() - start) / 1e6;
        }
      }
      report(model, regs, millis, rounds / 5);
    } finally {
      steps.forEach(BenchmarkStep::close);
    }
  }

  private static void report(String model, String[] regs, double[][] millis, int warmup) {
    System.out.printf(
        "%s, %d rounds after %d warm-up rounds, one TensorFlow thread, batch %d%n",
        model, millis[0].length - warmup, warmup, BATCH);
    System.out.println(
        "| regularizer | ms/step (median) | quartiles | ratio to "
            + regs[0]
            + " (median of per-round ratios) | quartiles of the ratio |");
    System.out.println("|---|---|---|---|---|");
    for (int r = 0; r < regs.length; r++) {
      double[] times = Arrays.copyOfRange(millis[r], warmup, millis[r].length);
      double[] ratios = new double[times.length];
      for (int i = 0; i < times.length; i++) {
        ratios[i] = times[i] / millis[0][warmup + i];
      }
      System.out.printf(
          "| %s | %.3f | %.3f-%.3f | %.3f | %.3f-%.3f |%n",
          regs[r],
          quantile(times, 0.5),
          quantile(times, 0.25),
          quantile(times, 0.75),
          quantile(ratios, 0.5),
          quantile(ratios, 0.25),
          quantile(ratios, 0.75));
    }
  }

  /**
   * The {@code q}-quantile of {@code values} (nearest rank), as both step-ratio tools report it.
   */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  }
}
