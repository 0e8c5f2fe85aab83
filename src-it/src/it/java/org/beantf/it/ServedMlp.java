package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beantf.cli.BeanCli;
import org.beantf.data.io.Folders;

/**
 * What the {@code bean serve} ITs share: an MLP trained one epoch on real MNIST (once per JVM, so
 * that ServingDocIT, ServingErrorsIT and ServeExitIT together train once), the server ServingDocIT
 * and ServingErrorsIT ask, the repository's root and docs/serving/mnist-test-0-1.json's pixels.
 */
final class ServedMlp {
  static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir;
  private static Path base;
  private static ServeProcess server;

  private ServedMlp() {}

  /** A temporary folder for the JVM's lifetime: the run, the server's stderr. */
  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      Path created = Files.createTempDirectory("bean-serving-it-");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      if (server != null) {
                        // SIGKILL: its graceful stop is not under test here, and it would wait
                        // for the idle keep-alive connections of ServeProcess.HTTP (a bug
                        // reported with ServingErrorsIT's SIGTERM)
                        server.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                      }
                      Folders.deleteRecursively(created);
                    } catch (IOException e) {
                      // a temporary folder left behind
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      dir = created;
    }
    return dir;
  }

  /**
   * {@code bean train --model mlp --dataset mnist --epochs 1 --seed SEED --out OUT}, in this JVM;
   * the model base is OUT/savedmodel/mlp.
   */
  static void train(int seed, Path out) {
    assertEquals(
        0,
        BeanCli.run(
            "train",
            "--model",
            "mlp",
            "--dataset",
            "mnist",
            "--epochs",
            "1",
            "--seed",
            Integer.toString(seed),
            "--out",
            out.toString()),
        "bean train --seed " + seed);
  }

  /** The model base DIR/savedmodel/mlp of {@code bean train --model mlp --dataset mnist}. */
  static synchronized Path base() throws IOException {
    if (base == null) {
      Path run = dir().resolve("run");
      train(1, run);
      Path trained = run.resolve("savedmodel/mlp");
      assertTrue(Files.isRegularFile(trained.resolve("1/saved_model.pb")), trained.toString());
      base = trained;
    }
    return base;
  }

  /**
   * {@code bean serve --model BASE --name mlp --port 0}, started once per JVM (ServingDocIT and
   * ServingErrorsIT share it) and killed when the JVM exits.
   */
  static synchronized ServeProcess server() throws Exception {
    if (server == null) {
      server =
          ServeProcess.start(
              dir().resolve("serve.err"),
              "--model",
              base().toString(),
              "--name",
              "mlp",
              "--port",
              "0");
    }
    return server;
  }

  /** The repository's root: the first folder up from here that holds docs/SERVING.md. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/SERVING.md"))) {
        return p;
      }
    }
    throw new AssertionError("no docs/SERVING.md above " + Path.of("").toAbsolutePath());
  }

  static Path imagesFile() {
    return repositoryRoot().resolve("docs/serving/mnist-test-0-1.json");
  }

  /** docs/serving/mnist-test-0-1.json's "instances", flattened row-major (NHWC). */
  static float[] pixels() throws IOException {
    JsonNode instances = JSON.readTree(imagesFile().toFile()).get("instances");
    List<Float> values = new ArrayList<>();
    flatten(instances, values);
    assertEquals(2, instances.size(), "two images");
    assertEquals(2 * 28 * 28, values.size(), "two 28×28×1 images");
    float[] pixels = new float[values.size()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = values.get(i);
    }
    return pixels;
  }

  private static void flatten(JsonNode node, List<Float> into) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, into));
    } else {
      assertTrue(node.isNumber(), "a pixel: " + node);
      into.add(node.floatValue());
    }
  }
}
