package org.beantf.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beantf.bean.BeanRegularizer;
import org.beantf.bean.LossForm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Forward and backward pass of the BEAN-2 loss (squared divergence, paper normalisation) in
 * float32, one {@code Session.run} per op: the loss and its gradients for W and H, fed pre-built
 * tensors. The broadcast form is measured up to N = 1024 (its S×N×N tensor grows too large beyond).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class BeanLossBenchmark {
  /**
   * One core: the machine has two, and the other runs experiments; ratios between forms are what
   * count.
   */
  static final ConfigProto ONE_THREAD =
      ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(1)
          .setInterOpParallelismThreads(1)
          .build();

  @Param({"128", "500", "2048"})
  int n;

  @Param({"10", "84"})
  int m;

  @Param({"1", "100"})
  int s;

  @Param({"broadcast", "dense", "lowrank", "auto"})
  String form;

  @Param({"2"})
  int order;

  private Graph graph;
  private Session session;
  private TFloat32 h;
  private TFloat32 w;
  private Placeholder<TFloat32> hIn;
  private Placeholder<TFloat32> wIn;
  private Operand<TFloat32> step;

  @Setup(Level.Trial)
  public void build() {
    if (form.equals("broadcast") && n > 1024) {
      throw new IllegalStateException("broadcast is not measured beyond N = 1024 (skipped)");
    }
    graph = new Graph();
    session = new Session(graph, ONE_THREAD);
    Ops tf = Ops.create(graph);
    hIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, n)));
    wIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, m)));
    BeanRegularizer regularizer =
        BeanRegularizer.of(order, 1.0)
            .withForm(LossForm.valueOf(form.toUpperCase(java.util.Locale.ROOT)))
            .withBatchSize(s);
    Operand<TFloat32> loss = regularizer.loss(tf, hIn, wIn);
    var gradients = tf.gradients(loss, List.of(hIn, wIn));
    step = consume(tf, loss, gradients.dy(0), gradients.dy(1));
    h = random(s, n, 1);
    w = random(n, m, 2);
  }

  /**
   * A scalar that depends on every value of {@code outputs}: fetching it makes TensorFlow compute
   * them. (A NoOp target with control dependencies does not: Grappler prunes stateless work whose
   * results nobody reads.)
   */
  @SafeVarargs
  static Operand<TFloat32> consume(Ops tf, Operand<TFloat32>... outputs) {
    Operand<TFloat32> sum = null;
    for (Operand<TFloat32> output : outputs) {
      Operand<TFloat32> total =
          tf.reduceSum(output, tf.range(tf.constant(0), tf.rank(output), tf.constant(1)));
      sum = sum == null ? total : tf.math.add(sum, total);
    }
    return sum;
  }

  /** A rows × cols tensor of standard normal values from {@code seed}. */
  static TFloat32 random(int rows, int cols, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
  }

  @Benchmark
  public void forwardAndBackward() {
    try (Result result = session.runner().feed(hIn, h).feed(wIn, w).fetch(step).run()) {
      // the scalar is only there to make TensorFlow compute its inputs
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (h != null) {
      h.close();
      w.close();
      session.close();
      graph.close();
    }
  }
}
