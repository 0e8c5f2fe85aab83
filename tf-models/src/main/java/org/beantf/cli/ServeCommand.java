package org.beantf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.serving.ModelConfigFile;
import org.beantf.serving.ModelConfigFile.ModelConfig;
import org.beantf.serving.ModelConfigFile.VersionPolicy;
import org.beantf.serving.ModelServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code bean serve}: TensorFlow Serving's REST API over one model base ({@code --model}) or the
 * models of a TF Serving model config file ({@code --model-config}), until SIGINT or SIGTERM.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve SavedModels over TensorFlow Serving's REST API: GET /v1/models/NAME[/versions/V]"
          + " (status), …/metadata, POST …:predict (row format 'instances' and columnar 'inputs'),"
          + " GET /monitoring/prometheus/metrics.",
      "The base folder is polled for numbered versions; a version is loaded once it is complete"
          + " and unchanged between two polls, warmed with one request and swapped in; the version"
          + " before it is unloaded once its requests finish. Prints one line with the address"
          + " when ready; SIGINT or SIGTERM stop it after the requests in flight (exit 0).",
      "Clients written against this API work unchanged against TensorFlow Serving"
          + " (docs/SERVING.md)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Models models;

  static final class Models {
    @Option(
        names = "--model",
        paramLabel = "BASE",
        description =
            "TF Serving's model_base_path: the folder holding numbered versions (1/, 2/, …)")
    Path base;

    @Option(
        names = "--model-config",
        paramLabel = "FILE",
        description =
            "TF Serving's model config file (text format: model_config_list { config { name, "
                + "base_path, model_version_policy } … }) to serve several models")
    Path config;
  }

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "the model's name in URLs (default: the base folder's name)")
  String name;

  @Option(
      names = "--versions",
      paramLabel = "latest|latest:N|all|V,V…",
      defaultValue = "latest",
      description =
          "which complete versions to serve: the newest (default), the newest N, all, or those"
              + " listed")
  String versions;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8501",
      description = "the port (default ${DEFAULT-VALUE}, TF Serving's REST port; 0: any free one)")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "the address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for"
              + " every interface)")
  String host;

  @Option(
      names = "--poll-seconds",
      paramLabel = "S",
      defaultValue = "2",
      description =
          "how often the base folders are listed for new versions (default ${DEFAULT-VALUE})")
  double pollSeconds;

  @Option(
      names = "--wait",
      description =
          "start even if a model has no complete version yet (answering 404 until one loads)")
  boolean waitForVersion;

  @Option(
      names = "--max-request-mb",
      paramLabel = "MB",
      defaultValue = "64",
      description =
          "the largest request body taken; larger ones get 413 (default ${DEFAULT-VALUE})")
  int maxRequestMb;

  @Option(
      names = "--max-concurrent-requests",
      paramLabel = "N",
      description = "predictions running at once (default: the number of cores)")
  Integer maxConcurrent;

  @Option(
      names = "--max-queued-requests",
      paramLabel = "N",
      defaultValue = "256",
      description =
          "requests waiting for a turn beyond those; more get 503 (default ${DEFAULT-VALUE})")
  int maxQueued;

  @Option(
      names = "--drain-seconds",
      paramLabel = "S",
      defaultValue = "30",
      description =
          "on SIGINT or SIGTERM, how long requests in flight may take to finish (default"
              + " ${DEFAULT-VALUE})")
  int drainSeconds;

  @Override
  public Integer call() {
    ModelServer.Settings settings = settings();
    List<ModelConfig> configs = configs();
    for (ModelConfig config : configs) {
      checkBase(config);
    }
    CountDownLatch stop = new CountDownLatch(1);
    PrintWriter err = spec.commandLine().getErr();
    // handled here instead of by shutdown hooks, which would make the JVM exit 130 or 143, not 0;
    // from before the start, so that a signal while versions load stops the server once started
    Signal interrupt = new Signal("INT");
    Signal terminate = new Signal("TERM");
    SignalHandler previousInt = Signal.handle(interrupt, signal -> stop.countDown());
    SignalHandler previousTerm = Signal.handle(terminate, signal -> stop.countDown());
    try (ModelServer server =
        ModelServer.start(
            configs,
            settings,
            waitForVersion,
            line -> {
              err.println(line);
              err.flush();
            })) {
      spec.commandLine()
          .getOut()
          .println(
              "bean serve: ready at "
                  + server.uri()
                  + " ("
                  + describe(server.availableVersions())
                  + ")");
      spec.commandLine().getOut().flush();
      stop.await();
      err.println(
          "bean serve: stopping (requests in flight finish first, at most " + drainSeconds + " s)");
      err.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Signal.handle(interrupt, previousInt);
      Signal.handle(terminate, previousTerm);
    }
    return 0;
  }

  private static String describe(Map<String, List<Long>> available) {
    return available.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + ": "
                    + (e.getValue().isEmpty()
                        ? "no version yet"
                        : "version "
                            + e.getValue().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "))))
        .collect(Collectors.joining("; "));
  }

  private ModelServer.Settings settings() {
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port " + port + ": expected 0..65535 (0: any free port)");
    }
    if (!(pollSeconds >= 0.1) || pollSeconds > 86400) {
      throw new BadInputException(
          "--poll-seconds " + pollSeconds + ": expected a number of seconds from 0.1 to 86400");
    }
    // a body is held whole with the floats parsed from it: 512 MB of JSON already needs a heap of
    // several GB
    if (maxRequestMb < 1 || maxRequestMb > 512) {
      throw new BadInputException("--max-request-mb " + maxRequestMb + ": expected 1..512");
    }
    int concurrent =
        maxConcurrent == null ? Runtime.getRuntime().availableProcessors() : maxConcurrent;
    if (concurrent < 1 || concurrent > 4096) {
      throw new BadInputException("--max-concurrent-requests " + concurrent + ": expected 1..4096");
    }
    if (maxQueued < 0 || maxQueued > 1_000_000) {
      throw new BadInputException("--max-queued-requests " + maxQueued + ": expected 0..1000000");
    }
    if (drainSeconds < 0 || drainSeconds > 3600) {
      throw new BadInputException("--drain-seconds " + drainSeconds + ": expected 0..3600");
    }
    if (host.isBlank()) {
      throw new BadInputException(
          "--host is empty: expected an address such as 127.0.0.1 or 0.0.0.0");
    }
    // an IPv6 address as URLs write it, [::1], is the address ::1
    String address =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return new ModelServer.Settings(
        address,
        port,
        Duration.ofMillis(Math.round(pollSeconds * 1000)),
        (long) maxRequestMb << 20,
        concurrent,
        maxQueued,
        Duration.ofSeconds(drainSeconds));
  }

  private List<ModelConfig> configs() {
    if (models.config != null) {
      if (name != null) {
        throw new BadInputException(
            "--name goes with --model; a model config file names each model");
      }
      if (!versions.equals("latest")) {
        throw new BadInputException(
            "--versions goes with --model; a model config file gives each model its model_version_policy");
      }
      return ModelConfigFile.read(models.config);
    }
    VersionPolicy policy;
    try {
      policy = VersionPolicy.parse(versions);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    Path base = models.base.toAbsolutePath().normalize();
    String modelName =
        name != null ? name : base.getFileName() == null ? "" : base.getFileName().toString();
    String problem = ModelConfigFile.nameProblem(modelName);
    if (problem != null) {
      throw new BadInputException(
          (name != null ? "--name '" + name + "'" : "the base folder's name '" + modelName + "'")
              + ": "
              + problem
              + (name != null ? "" : "; give one with --name"));
    }
    return List.of(new ModelConfig(modelName, base, policy));
  }

  /** A base folder that cannot be listed is refused with the operating system's reason. */
  private static void checkBase(ModelConfig config) {
    Path base = config.basePath();
    try (Stream<Path> entries = Files.list(base)) {
      entries.findAny();
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          base + ": no such folder (expected a model base holding numbered versions)");
    } catch (NotDirectoryException e) {
      throw new BadInputException(
          base + ": not a folder (expected a model base holding numbered versions)");
    } catch (AccessDeniedException e) {
      throw new BadInputException(base + ": permission denied (the folder cannot be listed)");
    } catch (IOException e) {
      throw new BadInputException(base + ": cannot be listed (" + e.getMessage() + ")");
    }
  }
}
