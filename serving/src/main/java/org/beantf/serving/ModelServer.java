package org.beantf.serving;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.beantf.savedmodels.BeanModel;
import org.beantf.serving.ModelConfigFile.ModelConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code bean serve}: TF Serving's REST API for BEAN SavedModels on one machine, on an embedded
 * Jetty. Each model's base folder is polled for versions ({@link VersionWatcher}); at most {@code
 * maxConcurrent} requests run at once and up to {@code maxQueued} more wait (then 503); a body over
 * {@code maxRequestBytes} is refused with 413 before it is read. {@link #close} stops taking
 * requests, lets those in flight finish (at most {@code drain}), then closes every model.
 */
public final class ModelServer implements AutoCloseable {
  /**
   * How the server listens and polls.
   *
   * @param host the address to bind (loopback unless another is given)
   * @param port the port, 0 for any free one
   * @param poll how often each base folder is listed
   * @param maxRequestBytes the largest request body taken
   * @param maxConcurrent requests running at once
   * @param maxQueued requests waiting beyond those, before new ones get 503
   * @param drain how long {@link #close} waits for requests in flight
   */
  public record Settings(
      String host,
      int port,
      Duration poll,
      long maxRequestBytes,
      int maxConcurrent,
      int maxQueued,
      Duration drain) {}

  private final Server server;
  private final ServerConnector connector;
  private final List<VersionWatcher> watchers;
  private final ScheduledExecutorService poller;
  private final Consumer<String> log;

  private ModelServer(
      Server server,
      ServerConnector connector,
      List<VersionWatcher> watchers,
      ScheduledExecutorService poller,
      Consumer<String> log) {
    this.server = server;
    this.connector = connector;
    this.watchers = watchers;
    this.poller = poller;
    this.log = log;
  }

  /**
   * Binds the port, loads each model's versions, and starts polling.
   *
   * @param waitForVersion start even when a model has no complete version (it answers 404 until one
   *     is AVAILABLE)
   * @throws ServeException if the port cannot be bound (the operating system's reason), a base
   *     cannot be listed, or, without {@code waitForVersion}, a model has no version that loads
   */
  public static ModelServer start(
      List<ModelConfig> models, Settings settings, boolean waitForVersion, Consumer<String> log) {
    return start(models, settings, waitForVersion, log, BeanModel::load);
  }

  static ModelServer start(
      List<ModelConfig> models,
      Settings settings,
      boolean waitForVersion,
      Consumer<String> log,
      Function<Path, BeanModel> loader) {
    Map<String, ServedModel> served = new LinkedHashMap<>();
    List<VersionWatcher> watchers = new ArrayList<>();
    // the first poll's lines wait for the start to succeed: a start that fails says why in one line
    List<String> startLines = new ArrayList<>();
    AtomicReference<Consumer<String>> sink = new AtomicReference<>(startLines::add);
    for (ModelConfig config : models) {
      ServedModel model = new ServedModel(config.name(), config.basePath());
      served.put(config.name(), model);
      watchers.add(
          new VersionWatcher(model, config.policy(), loader, line -> sink.get().accept(line)));
    }
    ServingMetrics metrics = new ServingMetrics();
    // a thread per request running or waiting for a turn, and some to read bodies and answer status
    QueuedThreadPool threads =
        new QueuedThreadPool(Math.min(4096, settings.maxConcurrent() + settings.maxQueued() + 32));
    threads.setName("bean-serve");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false); // no version banner for scanners
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    server.addConnector(connector);
    PredictionQueue queue =
        new PredictionQueue(settings.maxConcurrent(), settings.maxQueued(), Duration.ofSeconds(30));
    SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
    limit.setHandler(new RestApi(served, metrics, queue, line -> sink.get().accept(line)));
    GracefulHandler graceful = new GracefulHandler(limit);
    // while stopping, a connection may stay idle as long as the drain lasts: a request whose body
    // is
    // still arriving is served, not cut off after Jetty's default second
    graceful.setShutdownIdleTimeout(Math.min(Math.max(500, settings.drain().toMillis()), 2000));
    server.setHandler(graceful);
    server.setErrorHandler(jsonErrors(metrics));
    server.setStopTimeout(settings.drain().toMillis());
    try {
      // bound now, accepting once the first poll has loaded the versions: a client that connects
      // early waits in the backlog instead of being told there is no model
      connector.open();
    } catch (Exception e) {
      stopQuietly(server);
      throw new ServeException(
          settings.host() + ":" + settings.port() + " cannot be bound (" + reason(e) + ")");
    }
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bean-serve-poll");
              t.setDaemon(true);
              return t;
            });
    ModelServer started = new ModelServer(server, connector, watchers, poller, log);
    try {
      for (VersionWatcher watcher : watchers) {
        watcher.poll();
        if (!waitForVersion && watcher.model().available().isEmpty()) {
          throw new ServeException(
              watcher.model().name() + ": no version loads: " + watcher.whyNone());
        }
      }
    } catch (RuntimeException | Error e) {
      started.close();
      throw e instanceof ServeException serve
          ? serve
          : new ServeException(String.valueOf(e.getMessage()));
    }
    try {
      server.start();
    } catch (Exception e) {
      started.close();
      throw new ServeException("the HTTP server did not start (" + reason(e) + ")");
    }
    startLines.forEach(log);
    sink.set(log);
    long period = Math.max(1, settings.poll().toMillis());
    poller.scheduleWithFixedDelay(started::pollAll, period, period, TimeUnit.MILLISECONDS);
    return started;
  }

  private void pollAll() {
    for (VersionWatcher watcher : watchers) {
      try {
        watcher.poll();
      } catch (RuntimeException | Error e) {
        // a poll must not end polling (an exception would cancel the schedule): the next one may
        // find the base readable again
        log.accept("bean serve: " + watcher.model().name() + ": poll failed: " + e);
      }
    }
  }

  /** The server's address, such as {@code http://127.0.0.1:8501}. */
  public URI uri() {
    String host = connector.getHost();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + connector.getLocalPort());
  }

  /** The models served, by name, each with the versions AVAILABLE now (newest first). */
  public Map<String, List<Long>> availableVersions() {
    Map<String, List<Long>> versions = new LinkedHashMap<>();
    for (VersionWatcher watcher : watchers) {
      versions.put(watcher.model().name(), List.copyOf(watcher.model().available().keySet()));
    }
    return versions;
  }

  /**
   * Stops polling, stops taking requests, waits for those in flight (at most the drain time), then
   * closes every model.
   */
  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(1, TimeUnit.MINUTES); // a load in progress finishes first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopQuietly(server);
    for (VersionWatcher watcher : watchers) {
      watcher.model().available().values().forEach(ServableVersion::retire);
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping after a failed start, or a drain that timed out: nothing more to do
    }
  }

  /**
   * Jetty's own refusals (413 from the size limit, 503 from the queue, 400 for bad HTTP) as JSON.
   */
  private static Request.Handler jsonErrors(ServingMetrics metrics) {
    return (request, response, callback) -> {
      int status = response.getStatus();
      String message =
          switch (status) {
            case 413 ->
                "the request body is larger than the server's limit (bean serve --max-request-mb)";
            case 503 -> "the server is stopping";
            default -> {
              Object text = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
              yield text == null ? "HTTP " + status : text.toString();
            }
          };
      metrics.record("", ServingMetrics.NO_VERSION, "", RestApi.codeName(status), 0);
      RestApi.send(response, callback, status, "application/json", RestApi.error(message));
      return true;
    };
  }

  /** The deepest cause's message: the operating system's reason ("Address already in use"). */
  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
