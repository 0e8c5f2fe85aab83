package org.beantf.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.beantf.savedmodels.SavedModelContract;
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
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Prediction latency of an exported MLP: {@code BeanModel.predict} (shape checks, tensor in, three
 * outputs copied to Java arrays) against the raw bundle call it wraps (a prebuilt input tensor,
 * outputs left in TensorFlow), at batch 1 and 256; and the time to load the SavedModel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PredictBenchmark {
  @Param({"1", "256"})
  int batch;

  private Path model;
  private BeanModel beanModel;
  private SavedModelBundle bundle;
  private SessionFunction serving;
  private float[] pixels;
  private TFloat32 images;

  @Setup(Level.Trial)
  public void exportAndLoad() throws IOException {
    Path dir = Files.createTempDirectory("predict-benchmark");
    SplittableRandom random = new SplittableRandom(1);
    float[] data = new float[500 * 784];
    int[] labels = new int[500];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble();
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
    }
    ImageSet set = new ImageSet(data, labels, 28, 28, 1);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(100).threads(1).build();
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), set, set),
            RunDirectory.forNewRun(dir.resolve("run")));
    model =
        ModelExport.export(
            config,
            dir.resolve("run/checkpoint/variables").toString(),
            dir.resolve("models"),
            "mlp",
            0);
    beanModel = BeanModel.load(model);
    bundle = SavedModelBundle.load(model.toString(), SavedModelContract.TAG);
    serving = bundle.function(SavedModelContract.SERVING_DEFAULT);
    pixels = java.util.Arrays.copyOf(data, batch * 784);
    images = TFloat32.tensorOf(Shape.of(batch, 28, 28, 1), DataBuffers.of(pixels, true, false));
  }

  @Benchmark
  public Prediction beanModel() {
    return beanModel.predict(pixels, batch);
  }

  @Benchmark
  public long rawBundle() {
    try (Result result = serving.call(Map.<String, Tensor>of(SavedModelContract.IMAGES, images))) {
      return result.size();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2)
  @Measurement(iterations = 10)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int load() {
    try (BeanModel loaded = BeanModel.load(model)) {
      return loaded.layers().size();
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    images.close();
    bundle.close();
    beanModel.close();
  }
}
