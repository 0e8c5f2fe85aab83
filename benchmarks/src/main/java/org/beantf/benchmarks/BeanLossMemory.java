package org.beantf.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beantf.bean.BeanRegularizer;
import org.beantf.bean.LossForm;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Extra memory of the BEAN loss: the peak resident set (VmHWM) of a fresh JVM that runs the loss
 * and its gradients, minus that of a fresh JVM that feeds the same tensors through the same graph
 * without the loss.
 *
 * <pre>
 * java -cp ... org.beantf.benchmarks.BeanLossMemory [N S M FORM ORDER]   (default 4096 256 10 auto 2)
 * </pre>
 */
public final class BeanLossMemory {
  private static final int RUNS = 5;

  private BeanLossMemory() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 6) { // a child: measure one graph and print its peak RSS in kB
      System.out.println(
          measure(
              args[0].equals("loss"),
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              args[4],
              Integer.parseInt(args[5])));
      return;
    }
    String[] p = args.length == 5 ? args : new String[] {"4096", "256", "10", "auto", "2"};
    long without = child("baseline", p);
    long with = child("loss", p);
    System.out.printf(
        Locale.ROOT,
        "N=%s S=%s M=%s form=%s order=%s: peak RSS %d MB without the loss, %d MB with "
            + "it: the loss adds %d MB%n",
        p[0],
        p[1],
        p[2],
        p[3],
        p[4],
        without / 1024,
        with / 1024,
        (with - without) / 1024);
  }

  private static long child(String mode, String[] p) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BeanLossMemory.class.getName(),
                mode));
    command.addAll(List.of(p));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(mode + " child failed: " + output);
    }
    return Long.parseLong(output.lines().reduce((a, b) -> b).orElseThrow());
  }

  private static long measure(boolean withLoss, int n, int s, int m, String form, int order)
      throws IOException {
    try (Graph graph = new Graph();
        Session session = new Session(graph, BeanLossBenchmark.ONE_THREAD);
        TFloat32 h = BeanLossBenchmark.random(s, n, 1);
        TFloat32 w = BeanLossBenchmark.random(n, m, 2)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> hIn =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, n)));
      Placeholder<TFloat32> wIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, m)));
      Operand<TFloat32> step;
      if (withLoss) {
        BeanRegularizer regularizer =
            BeanRegularizer.of(order, 1.0)
                .withForm(LossForm.valueOf(form.toUpperCase(Locale.ROOT)))
                .withBatchSize(s);
        Operand<TFloat32> loss = regularizer.loss(tf, hIn, wIn);
        var gradients = tf.gradients(loss, List.of(hIn, wIn));
        step = BeanLossBenchmark.consume(tf, loss, gradients.dy(0), gradients.dy(1));
      } else {
        step = BeanLossBenchmark.consume(tf, hIn, wIn);
      }
      for (int run = 0; run < RUNS; run++) {
        try (Result result = session.runner().feed(hIn, h).feed(wIn, w).fetch(step).run()) {
          // the scalar is only there to make TensorFlow compute its inputs
        }
      }
    }
    return peakResidentKb();
  }

  private static long peakResidentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmHWM in /proc/self/status (Linux only)");
  }
}
