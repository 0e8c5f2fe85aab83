package org.beantf.benchmarks;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training step of two builds of this project in one JVM, interleaved step by step: each
 * build's classes are loaded by a class loader of their own over one shared TensorFlow Java (a JVM
 * loads the native library once), and every round runs one step of each build for each regularizer,
 * the build that goes first alternating from round to round. Separate processes land in fast and
 * slow modes at random here (the same build's step took 11 or 14.5 ms from one process to the
 * next), which swamps a few percent; steps milliseconds apart see the same machine.
 *
 * <pre>BuildStepRatio OLD_CLASSPATH NEW_CLASSPATH MODEL REG[,REG...] ROUNDS</pre>
 *
 * Each classpath is a build's benchmarks jar and its {@code lib/*} (as {@code
 * benchmarks/build-ratio.sh} gives). Run this class with nothing of the project on the JVM's own
 * classpath but itself: the builds' loaders sit on the platform loader, not on the application's.
 * The first fifth of the rounds is warm-up and not counted.
 */
public final class BuildStepRatio {
  private static final int BATCH = 100;

  private BuildStepRatio() {}

  /**
   * One build's training steps: its BenchmarkStep per regularizer and a batch fed by its own
   * feeder.
   */
  private record Build(String name, List<Object> steps, Method run, Object fed) {
    double stepMillis(int reg) throws Exception {
      long start = System.nanoTime();
      run.invoke(steps.get(reg), fed);
      return (System.nanoTime() - start) / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: BuildStepRatio OLD_CLASSPATH NEW_CLASSPATH MODEL REG[,REG...] ROUNDS");
      System.exit(2);
    }
    System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0"); // as the bean command runs
    String model = args[2];
    String[] regs = args[3].split(",");
    int rounds = Integer.parseInt(args[4]);
    List<URL> shared = new ArrayList<>();
    for (String entry : args[1].split(File.pathSeparator)) {
      if (isTensorFlow(entry)) {
        shared.add(Path.of(entry).toUri().toURL());
      }
    }
    ClassLoader tensorflow =
        new URLClassLoader(shared.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Build old = build("old", args[0], tensorflow, model, regs);
    Build now = build("new", args[1], tensorflow, model, regs);
    double[][][] millis = new double[2][regs.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int reg = 0; reg < regs.length; reg++) {
        boolean oldFirst = (round + reg) % 2 == 0;
        Build first = oldFirst ? old : now;
        Build second = oldFirst ? now : old;
        millis[oldFirst ? 0 : 1][reg][round] = first.stepMillis(reg);
        millis[oldFirst ? 1 : 0][reg][round] = second.stepMillis(reg);
      }
    }
    report(model, regs, millis, rounds / 5);
  }

  private static boolean isTensorFlow(String entry) {
    String name = Path.of(entry).getFileName().toString();
    return name.startsWith("tensorflow-")
        || name.startsWith("javacpp")
        || name.startsWith("protobuf")
        || name.startsWith("ndarray");
  }

  private static Build build(
      String name, String classpath, ClassLoader tensorflow, String model, String[] regs)
      throws Exception {
    List<URL> own = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!isTensorFlow(entry)) {
        own.add(Path.of(entry).toUri().toURL());
      }
    }
    ClassLoader loader = new URLClassLoader(own.toArray(URL[]::new), tensorflow);
    Class<?> step =
        first(
            loader, "org.beantf.benchmarks.BenchmarkStep", "org.beantf.models.train.BenchmarkStep");
    Class<?> benchmark =
        first(
            loader,
            "org.beantf.benchmarks.TrainingStepBenchmark",
            "org.beantf.models.train.TrainingStepBenchmark");
    Class<?> datasetId = loader.loadClass("org.beantf.data.DatasetId");
    Class<?> imageSet = loader.loadClass("org.beantf.data.ImageSet");
    Class<?> feeder = loader.loadClass("org.beantf.models.train.BatchFeeder");
    Object dataset = datasetId.getField(model.equals("resnet18") ? "CIFAR10" : "MNIST").get(null);
    Method randomImages = benchmark.getDeclaredMethod("randomImages", int.class, datasetId);
    randomImages.setAccessible(true);
    Object images = randomImages.invoke(null, BATCH, dataset);
    Object batchFeeder = feeder.getConstructor(imageSet, int.class).newInstance(images, BATCH);
    int[] indices = new int[BATCH];
    Arrays.setAll(indices, i -> i);
    Object fed = feeder.getMethod("feed", int[].class).invoke(batchFeeder, (Object) indices);
    Constructor<?> constructor = step.getDeclaredConstructor(String.class, datasetId, String.class);
    constructor.setAccessible(true);
    List<Object> steps = new ArrayList<>();
    for (String reg : regs) {
      steps.add(constructor.newInstance(model, dataset, reg));
    }
    Method run =
        Arrays.stream(step.getDeclaredMethods())
            .filter(m -> m.getName().equals("run"))
            .findFirst()
            .orElseThrow();
    run.setAccessible(true);
    return new Build(name, steps, run, fed);
  }

  private static Class<?> first(ClassLoader loader, String... names) throws ClassNotFoundException {
    for (String name : names) {
      try {
        return loader.loadClass(name);
      } catch (ClassNotFoundException e) {
        // the class moved between builds: try the next name
      }
    }
    throw new ClassNotFoundException(String.join(" or ", names));
  }

  private static void report(String model, String[] regs, double[][][] millis, int warmup) {
    System.out.printf(
        Locale.ROOT,
        "%s, %d rounds after %d warm-up rounds, one TensorFlow thread, batch %d, both builds in one JVM%n",
        model,
        millis[0][0].length - warmup,
        warmup,
        BATCH);
    System.out.println(
        "| regularizer | old ms/step (median) | new ms/step (median) | new / old (median of per-round ratios)"
            + " | quartiles of the ratio |");
    System.out.println("|---|---|---|---|---|");
    for (int r = 0; r < regs.length; r++) {
      double[] old = Arrays.copyOfRange(millis[0][r], warmup, millis[0][r].length);
      double[] now = Arrays.copyOfRange(millis[1][r], warmup, millis[1][r].length);
      double[] ratios = new double[old.length];
      for (int i = 0; i < old.length; i++) {
        ratios[i] = now[i] / old[i];
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %.3f-%.3f |%n",
          regs[r],
          TrainingStepRatio.quantile(old, 0.5),
          TrainingStepRatio.quantile(now, 0.5),
          TrainingStepRatio.quantile(ratios, 0.5),
          TrainingStepRatio.quantile(ratios, 0.25),
          TrainingStepRatio.quantile(ratios, 0.75));
    }
  }
}
