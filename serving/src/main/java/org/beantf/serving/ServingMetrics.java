package org.beantf.serving;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's metrics, in Prometheus' text format at TF Serving's path {@code
 * /monitoring/prometheus/metrics}: requests, errors and a latency histogram per model, version and
 * API. TF Serving's own metrics ({@code :tensorflow:serving:request_count}, {@code
 * :tensorflow:serving:request_latency}) have no version label and a counter name without the {@code
 * _total} suffix that Prometheus' Java client requires; docs/SERVING.md maps one to the other.
 */
final class ServingMetrics {
  /** The version label of a request that reached no version (unknown model, none loaded). */
  static final String NO_VERSION = "";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests =
      Counter.builder()
          .name("bean_serving_requests")
          .help("Requests answered, by model, version, API and TF Serving status code.")
          .labelNames("model_name", "version", "api", "status")
          .register(registry);
  private final Counter errors =
      Counter.builder()
          .name("bean_serving_request_errors")
          .help("Requests answered with an error (status other than OK).")
          .labelNames("model_name", "version", "api", "status")
          .register(registry);
  private final Histogram latency =
      Histogram.builder()
          .name("bean_serving_request_latency_seconds")
          .help("Time from a request's arrival to its answer, successful requests only.")
          .labelNames("model_name", "version", "api")
          .classicOnly()
          .classicUpperBounds(
              0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
              2.5, 5, 10)
          .register(registry);

  /**
   * Records one answered request: {@code status} is TF Serving's code name ({@code OK}, {@code
   * INVALID_ARGUMENT}, {@code NOT_FOUND}, …).
   */
  void record(String model, String version, String api, String status, long nanos) {
    requests.labelValues(model, version, api, status).inc();
    if (status.equals("OK")) {
      latency.labelValues(model, version, api).observe(nanos / 1e9);
    } else {
      errors.labelValues(model, version, api, status).inc();
    }
  }

  /** The text exposition of every metric. */
  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  String contentType() {
    return writer.getContentType();
  }
}
