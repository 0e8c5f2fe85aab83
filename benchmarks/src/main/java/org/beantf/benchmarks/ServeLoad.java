package org.beantf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.beantf.data.DatasetId;
import org.beantf.data.ImageSet;
import org.beantf.data.fetch.DatasetCache;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;

/**
 * {@code bean serve} under load, against the same predictions in-process: T client threads × R
 * predict requests per batch size (row format, real MNIST test images, keep-alive connections),
 * then the same counts of {@link BeanModel#predict(float[], int)} calls on the same images from T
 * threads in this JVM. Two HTTP clients: the JDK's {@link HttpClient} (what a Java caller would
 * use) and a plain HTTP/1.1 socket per thread (the least a client adds, so that what remains is the
 * server's). Every configuration (batch size × thread count) runs in rounds, HTTP then in-process
 * (A B A B …); the summary quotes the median across the rounds with the range, and p50(HTTP) −
 * p50(in-process) per round. Any answer but a 200 is an error (exit 1). Each run and the whole
 * measurement are bounded in time: past either limit the clients stop and the program exits 3 with
 * a message. Each run also reports the CPU time per request of this JVM (the client, or the
 * in-process model) and, given the server's PID, of the server. Run by benchmarks/serve-load.sh,
 * which starts the server.
 *
 * <pre>
 * ServeLoad URL VERSION_FOLDER [--model NAME] [--pairs N] [--requests R] [--threads T,T…]
 *           [--batches B,B…] [--client jdk|socket|both] [--max-run-minutes M] [--max-minutes M]
 *           [--server-pid PID]
 * </pre>
 */
public final class ServeLoad {
  private static final int DISTINCT_IMAGES = 8192;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI predictUri;
  private final HttpClient client;
  private final BeanModel model;
  private final ImageSet test;
  private final long deadline;
  private final int maxMinutes;
  private final int maxRunMinutes;
  private final long serverPid;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ServeLoad(
      URI predictUri,
      BeanModel model,
      ImageSet test,
      int maxMinutes,
      int maxRunMinutes,
      long serverPid) {
    this.predictUri = predictUri;
    this.model = model;
    this.test = test;
    this.maxMinutes = maxMinutes;
    this.maxRunMinutes = maxRunMinutes;
    this.serverPid = serverPid;
    this.deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(maxMinutes);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: bean serve speaks HTTP/1.1
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** One configuration's inputs: the same images as JSON bodies and as float arrays. */
  private record Inputs(int batch, byte[][] bodies, float[][] pixels) {}

  /** One measured run. */
  private record Run(
      String kind,
      int batch,
      int threads,
      int requests,
      int errors,
      double seconds,
      double p50Ms,
      double p99Ms,
      double clientCpuMs,
      double serverCpuMs) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    double imagesPerSecond() {
      return requests * (double) batch / seconds;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%-13s batch %2d, %d thread%s: %6d requests, %d errors, %6.2f s, %8.1f requests/s,"
              + " %8.1f images/s, p50 %.3f ms, p99 %.3f ms; CPU per request: this JVM %.3f ms,"
              + " server %.3f ms",
          kind,
          batch,
          threads,
          threads == 1 ? " " : "s",
          requests,
          errors,
          seconds,
          requestsPerSecond(),
          imagesPerSecond(),
          p50Ms,
          p99Ms,
          clientCpuMs,
          serverCpuMs);
    }
  }

  /** The clients ran past the deadline. */
  private static final class Aborted extends RuntimeException {
    Aborted(String message) {
      super(message);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ServeLoad URL VERSION_FOLDER [--model NAME] [--pairs N] [--requests R]"
              + " [--threads T,T…] [--batches B,B…] [--client jdk|socket|both] [--max-run-minutes M]"
              + " [--max-minutes M] [--server-pid PID]");
      System.exit(2);
    }
    String url = args[0].replaceAll("/+$", "");
    Path version = Path.of(args[1]);
    String name = "mlp";
    int pairs = 3;
    int requests = 5000;
    int[] threadCounts = {8, 1};
    int[] batches = {1, 32};
    int maxRunMinutes = 10;
    int maxMinutes = 60;
    String clients = "both";
    long serverPid = 0;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--model" -> name = args[i + 1];
        case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--threads" -> threadCounts = ints(args[i + 1]);
        case "--batches" -> batches = ints(args[i + 1]);
        case "--max-minutes" -> maxMinutes = Integer.parseInt(args[i + 1]);
        case "--max-run-minutes" -> maxRunMinutes = Integer.parseInt(args[i + 1]);
        case "--client" -> clients = args[i + 1];
        case "--server-pid" -> serverPid = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0"); // as the bean command runs
    ImageSet test = DatasetCache.fromEnvironment(line -> {}).load(DatasetId.MNIST).test();
    List<Run> runs = new ArrayList<>();
    int exit = 0;
    try (BeanModel model = BeanModel.load(version)) {
      ServeLoad load =
          new ServeLoad(
              URI.create(url + "/v1/models/" + name + ":predict"),
              model,
              test,
              maxMinutes,
              maxRunMinutes,
              serverPid);
      System.out.printf(
          Locale.ROOT,
          "server %s, model %s; in-process %s; %d round(s) of runs (%s, then in-process) per"
              + " configuration, %d requests per client thread; limits %d min per run, %d min in all%n",
          url,
          name,
          version,
          pairs,
          clients.equals("both") ? "HTTP through the JDK client, HTTP through a socket" : clients,
          requests,
          maxRunMinutes,
          maxMinutes);
      try {
        for (int batch : batches) {
          Inputs inputs = load.inputs(batch);
          load.checkAnswers(inputs);
          // warm-up, not reported: JIT on both sides, connections opened, TF's first runs
          int warm = Math.max(50, requests / (batch == 1 ? 5 : 20));
          boolean jdk = !clients.equals("socket");
          boolean socket = !clients.equals("jdk");
          if (jdk) {
            load.jdkHttp(inputs, 8, warm);
          }
          if (socket) {
            load.socketHttp(inputs, 8, warm);
          }
          load.inProcess(inputs, 8, warm);
          for (int threads : threadCounts) {
            for (int pair = 0; pair < pairs; pair++) {
              List<Run> round = new ArrayList<>();
              if (jdk) {
                round.add(print(load.jdkHttp(inputs, threads, requests)));
              }
              if (socket) {
                round.add(print(load.socketHttp(inputs, threads, requests)));
              }
              round.add(print(load.inProcess(inputs, threads, requests)));
              runs.addAll(round);
            }
          }
        }
      } catch (Aborted e) {
        System.out.println("serve-load: ABORTED: " + e.getMessage());
        exit = 3;
      }
    }
    summary(runs, batches, threadCounts);
    int errors = runs.stream().mapToInt(Run::errors).sum();
    if (errors > 0) {
      System.out.println("serve-load: FAILED: " + errors + " requests answered other than 200");
      exit = Math.max(exit, 1);
    }
    System.exit(exit);
  }

  private static Run print(Run run) {
    System.out.println(run.line());
    System.out.flush();
    return run;
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * DISTINCT_IMAGES consecutive test images (wrapping at the end of the test set), cut into
   * batches: each batch as a row-format body and as float pixels.
   */
  private Inputs inputs(int batch) {
    int count = Math.max(1, Math.min(DISTINCT_IMAGES, test.size()) / batch);
    byte[][] bodies = new byte[count][];
    float[][] pixels = new float[count][];
    int size = test.imageSize();
    for (int b = 0; b < count; b++) {
      pixels[b] = new float[batch * size];
      for (int i = 0; i < batch; i++) {
        test.copyImage((b * batch + i) % test.size(), pixels[b], i * size);
      }
      bodies[b] = rowFormat(pixels[b], batch).getBytes(StandardCharsets.UTF_8);
    }
    return new Inputs(batch, bodies, pixels);
  }

  /** {@code {"instances": [...]}}: each image [H][W][C], values as Float.toString writes them. */
  private String rowFormat(float[] pixels, int batch) {
    int h = test.height();
    int w = test.width();
    int c = test.channels();
    StringBuilder json = new StringBuilder(pixels.length * 6 + 32).append("{\"instances\": [");
    int at = 0;
    for (int n = 0; n < batch; n++) {
      json.append(n == 0 ? "[" : ",[");
      for (int y = 0; y < h; y++) {
        json.append(y == 0 ? "[" : ",[");
        for (int x = 0; x < w; x++) {
          json.append(x == 0 ? "[" : ",[");
          for (int k = 0; k < c; k++) {
            float v = pixels[at++];
            if (k > 0) {
              json.append(',');
            }
            if (v == 0f) {
              json.append('0');
            } else {
              json.append(v);
            }
          }
          json.append(']');
        }
        json.append(']');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }

  /**
   * Before timing anything: the first body's answer over HTTP gives the same classes, and the same
   * probabilities within 1e-5, as the in-process prediction.
   */
  private void checkAnswers(Inputs inputs) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request(inputs.bodies()[0]), bodyHandler());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the check request got HTTP "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    JsonNode predictions = new ObjectMapper().readTree(response.body()).get("predictions");
    Prediction expected = model.predict(inputs.pixels()[0], inputs.batch());
    for (int i = 0; i < inputs.batch(); i++) {
      JsonNode answer = predictions.get(i);
      if (answer.get("class_ids").asLong() != expected.classIds()[i]) {
        throw new IllegalStateException("HTTP and in-process classes differ for image " + i);
      }
      for (int k = 0; k < expected.probabilities()[i].length; k++) {
        double got = answer.get("probabilities").get(k).asDouble();
        if (Math.abs(got - expected.probabilities()[i][k]) > 1e-5) {
          throw new IllegalStateException(
              "HTTP and in-process probabilities differ for image " + i + ", class " + k);
        }
      }
    }
  }

  private HttpRequest request(byte[] body) {
    return HttpRequest.newBuilder(predictUri)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static HttpResponse.BodyHandler<byte[]> bodyHandler() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }

  /** One client thread's calls: each returns null when it succeeded, or what went wrong. */
  private interface Caller {
    String call(int input) throws Exception;

    /** After the thread's last call. */
    default void release() {}
  }

  private static String httpError(int status, byte[] answer) {
    if (status == 200) {
      return null;
    }
    String body = new String(answer, StandardCharsets.UTF_8);
    return "HTTP " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
  }

  /** Through the JDK's HttpClient (its own connection pool, keep-alive). */
  private Run jdkHttp(Inputs inputs, int threads, int perThread) throws InterruptedException {
    return measure(
        "HTTP (jdk)",
        inputs,
        threads,
        perThread,
        () ->
            input -> {
              HttpResponse<byte[]> response =
                  client.send(request(inputs.bodies()[input]), bodyHandler());
              return httpError(response.statusCode(), response.body());
            });
  }

  /**
   * Through a plain HTTP/1.1 socket per client thread (keep-alive, TCP_NODELAY), opened before the
   * run starts and closed after it: a connection kept idle between runs would meet Jetty's idle
   * timeout (30 s), which a client must retry and this one does not.
   */
  private Run socketHttp(Inputs inputs, int threads, int perThread) throws InterruptedException {
    return measure(
        "HTTP (socket)",
        inputs,
        threads,
        perThread,
        () ->
            new Caller() {
              RawConnection connection = open();

              @Override
              public String call(int input) throws IOException {
                if (connection == null) {
                  connection = new RawConnection(predictUri);
                }
                try {
                  RawConnection.Answer answer = connection.post(inputs.bodies()[input]);
                  if (answer.close()) {
                    release();
                  }
                  return httpError(answer.status(), answer.body());
                } catch (IOException e) {
                  release();
                  throw e;
                }
              }

              @Override
              public void release() {
                if (connection != null) {
                  connection.close();
                  connection = null;
                }
              }
            });
  }

  private RawConnection open() {
    try {
      return new RawConnection(predictUri);
    } catch (IOException e) {
      return null; // the first call tries again and counts the error
    }
  }

  private Run inProcess(Inputs inputs, int threads, int perThread) throws InterruptedException {
    return measure(
        "in-process",
        inputs,
        threads,
        perThread,
        () ->
            input -> {
              model.predict(inputs.pixels()[input], inputs.batch());
              return null;
            });
  }

  /**
   * A keep-alive HTTP/1.1 connection that sends one POST at a time and reads the answer by its
   * Content-Length: the least a client can add to a request's time.
   */
  private static final class RawConnection implements AutoCloseable {
    record Answer(int status, byte[] body, boolean close) {}

    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final String path;
    private final String host;

    RawConnection(URI uri) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      path = uri.getRawPath();
      host = uri.getHost() + ":" + uri.getPort();
    }

    Answer post(byte[] body) throws IOException {
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring("content-length:".length()).trim());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        } else if (lower.startsWith("transfer-encoding:")) {
          throw new IOException("an answer without Content-Length: " + header);
        }
      }
      if (length < 0) {
        throw new IOException("an answer without Content-Length");
      }
      byte[] answer = in.readNBytes(length);
      if (answer.length < length) {
        throw new IOException("the connection closed within an answer");
      }
      return new Answer(status, answer, close);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("the connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing: nothing to do
      }
    }
  }

  /**
   * {@code threads} threads, each making {@code perThread} calls on inputs in turn (each thread
   * starting elsewhere), released together; latencies of every call, wall time from the release to
   * the last thread's end.
   */
  private Run measure(
      String kind, Inputs inputs, int threads, int perThread, Supplier<Caller> callers)
      throws InterruptedException {
    long[][] latencies = new long[threads][perThread];
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean late = new AtomicBoolean();
    AtomicLong end = new AtomicLong();
    ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(threads);
    int distinct = inputs.bodies().length;
    long runDeadline =
        Math.min(deadline - System.nanoTime(), TimeUnit.MINUTES.toNanos(maxRunMinutes))
            + System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                Caller call = callers.get();
                try {
                  ready.countDown();
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    if (System.nanoTime() - runDeadline > 0) {
                      late.set(true);
                      return;
                    }
                    int input = (thread * (distinct / Math.max(1, threads)) + i) % distinct;
                    long start = System.nanoTime();
                    String error;
                    try {
                      error = call.call(input);
                    } catch (Exception e) {
                      error = e.toString();
                    }
                    latencies[thread][i] = System.nanoTime() - start;
                    done.incrementAndGet();
                    if (error != null) {
                      errors.incrementAndGet();
                      if (firstErrors.size() < 5) {
                        firstErrors.add(error);
                      }
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  end.accumulateAndGet(System.nanoTime(), Math::max);
                  call.release();
                  finished.countDown();
                }
              },
              "serve-load-" + t);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    ready.await();
    long clientCpu = OS.getProcessCpuTime();
    long serverCpu = serverCpuNanos();
    long start = System.nanoTime();
    go.countDown();
    finished.await();
    clientCpu = OS.getProcessCpuTime() - clientCpu;
    serverCpu = serverCpuNanos() - serverCpu;
    for (String error : firstErrors) {
      System.out.println("  error (" + kind + ", batch " + inputs.batch() + "): " + error);
    }
    if (late.get()) {
      throw new Aborted(
          String.format(
              Locale.ROOT,
              "the limit of %d min per run or %d min in all passed during %s batch %d with %d"
                  + " threads (%d of %d requests done, %d errors): the machine is too busy or the"
                  + " server stopped answering; nothing after this run was measured",
              maxRunMinutes,
              maxMinutes,
              kind,
              inputs.batch(),
              threads,
              done.get(),
              threads * perThread,
              errors.get()));
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Run(
        kind,
        inputs.batch(),
        threads,
        all.length,
        errors.get(),
        (end.get() - start) / 1e9,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        clientCpu / 1e6 / all.length,
        serverPid > 0 ? serverCpu / 1e6 / all.length : Double.NaN);
  }

  /**
   * The server process's CPU time (user + system) from /proc/PID/stat, in nanoseconds, at the
   * kernel's 100 ticks per second (USER_HZ on Linux); 0 without a server PID.
   */
  private long serverCpuNanos() {
    if (serverPid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
      // the command name, field 2, is in parentheses and may hold spaces: count after it
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the server's CPU time: " + e, e);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Per configuration: medians across the pairs (with min-max), and the p50 overhead per pair. */
  private static void summary(List<Run> runs, int[] batches, int[] threadCounts) {
    System.out.println();
    System.out.println(
        "| batch | client threads | | requests (errors) | requests/s | images/s | p50 ms | p99 ms"
            + " | CPU ms/request: this JVM | server |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    List<String> overheads = new ArrayList<>();
    for (int batch : batches) {
      for (int threads : threadCounts) {
        List<Run> local = select(runs, "in-process", batch, threads);
        List<List<Run>> kinds = new ArrayList<>();
        for (String kind : List.of("HTTP (jdk)", "HTTP (socket)")) {
          if (!select(runs, kind, batch, threads).isEmpty()) {
            kinds.add(select(runs, kind, batch, threads));
          }
        }
        if (kinds.isEmpty()) {
          continue;
        }
        kinds.add(local);
        for (List<Run> kind : kinds) {
          if (kind.isEmpty()) {
            continue;
          }
          System.out.printf(
              Locale.ROOT,
              "| %d | %d | %s | %d × %d (%d) | %s | %s | %s | %s | %s | %s |%n",
              batch,
              threads,
              kind.get(0).kind(),
              kind.size(),
              kind.get(0).requests(),
              kind.stream().mapToInt(Run::errors).sum(),
              spread(kind.stream().mapToDouble(Run::requestsPerSecond).toArray(), "%.0f"),
              spread(kind.stream().mapToDouble(Run::imagesPerSecond).toArray(), "%.0f"),
              spread(kind.stream().mapToDouble(Run::p50Ms).toArray(), "%.3f"),
              spread(kind.stream().mapToDouble(Run::p99Ms).toArray(), "%.3f"),
              spread(kind.stream().mapToDouble(Run::clientCpuMs).toArray(), "%.3f"),
              kind.get(0).kind().equals("in-process")
                  ? "—"
                  : spread(kind.stream().mapToDouble(Run::serverCpuMs).toArray(), "%.3f"));
        }
        for (List<Run> http : kinds.subList(0, kinds.size() - 1)) {
          int n = Math.min(http.size(), local.size());
          if (n == 0) {
            continue;
          }
          double[] diff = new double[n];
          for (int i = 0; i < n; i++) {
            diff[i] = http.get(i).p50Ms() - local.get(i).p50Ms();
          }
          overheads.add(
              String.format(
                  Locale.ROOT,
                  "batch %d, %d thread%s: p50 %s − p50 in-process = %s ms (median of %d pairs,"
                      + " range; per pair %s)%s",
                  batch,
                  threads,
                  threads == 1 ? "" : "s",
                  http.get(0).kind(),
                  spread(diff, "%.3f"),
                  n,
                  Arrays.toString(
                      Arrays.stream(diff)
                          .mapToObj(d -> String.format(Locale.ROOT, "%.3f", d))
                          .toArray()),
                  batch == 1
                      ? ": goal ≤ 1 ms " + (median(diff) <= 1.0 ? "holds" : "NOT MET")
                      : ""));
        }
      }
    }
    System.out.println();
    overheads.forEach(System.out::println);
  }

  private static List<Run> select(List<Run> runs, String kind, int batch, int threads) {
    return runs.stream()
        .filter(r -> r.kind().equals(kind) && r.batch() == batch && r.threads() == threads)
        .toList();
  }

  /** "median (min-max)", or the one value. */
  private static String spread(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    String median = String.format(Locale.ROOT, format, median(sorted));
    if (sorted.length == 1) {
      return median;
    }
    return median
        + " ("
        + String.format(Locale.ROOT, format, sorted[0])
        + " to "
        + String.format(Locale.ROOT, format, sorted[sorted.length - 1])
        + ")";
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
