package org.beantf.benchmarks;

import java.util.concurrent.TimeUnit;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.fetch.DatasetCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading MNIST from the cache, warm (files in the page cache, JIT warmed up): read, SHA-256 check
 * of every file, decode to float pixels. The dataset is fetched into {@code $BEAN_DATA} first if it
 * is not there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DatasetLoadBenchmark {
  private DatasetCache cache;

  @Setup
  public void fetchIfNeeded() {
    cache = DatasetCache.fromEnvironment(System.err::println);
    cache.load(DatasetId.MNIST);
  }

  /** Train (60,000) and test (10,000) images with labels, every file verified. */
  @Benchmark
  public Dataset loadMnist() {
    return cache.load(DatasetId.MNIST);
  }
}
