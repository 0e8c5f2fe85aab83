package org.beantf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.models.train.BatchFeeder;
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

/**
 * One training step of batch 100 as the trainer runs it: {@code trainer} copies the next batch into
 * the reused input tensors and runs forward, regularizers, gradients and Adam; {@code floor} runs
 * the same graph on tensors built once (TensorFlow's compute alone). One TensorFlow thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {
  private static final int BATCH = BenchmarkStep.BATCH;

  @Param({"mlp", "lenet5", "resnet18"})
  String model;

  @Param({"none", "bean1", "bean2"})
  String reg;

  @Param({"trainer", "floor"})
  String feed;

  private BenchmarkStep step;
  private BatchFeeder feeder;
  private BatchFeeder.Fed prebuilt;
  private int[][] batches;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    DatasetId dataset = model.equals("resnet18") ? DatasetId.CIFAR10 : DatasetId.MNIST;
    ImageSet images = randomImages(1000, dataset);
    step = new BenchmarkStep(model, dataset, reg);
    feeder = new BatchFeeder(images, BATCH);
    batches = new int[10][BATCH];
    for (int b = 0; b < batches.length; b++) {
      for (int i = 0; i < BATCH; i++) {
        batches[b][i] = b * BATCH + i;
      }
    }
    prebuilt = feeder.feed(batches[0]);
  }

  /** {@code count} images of uniform random pixels, labels cycling over the ten classes. */
  static ImageSet randomImages(int count, DatasetId dataset) {
    SplittableRandom random = new SplittableRandom(1);
    int size = dataset.height() * dataset.width() * dataset.channels();
    float[] pixels = new float[count * size];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble();
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return new ImageSet(pixels, labels, dataset.height(), dataset.width(), dataset.channels());
  }

  @Benchmark
  public float step() {
    return step.run(
        feed.equals("floor") ? prebuilt : feeder.feed(batches[next++ % batches.length]));
  }

  @TearDown(Level.Trial)
  public void close() {
    feeder.close();
    step.close();
  }
}
