package org.beantf.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.SavedModelContract;
import org.beantf.savedmodels.TensorValues;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * TF Serving's REST API over the served models: model status ({@code GET /v1/models/NAME[/versions
 * /V]}), metadata ({@code …/metadata}), predict ({@code POST …:predict}, row and columnar) and the
 * metrics ({@code GET /monitoring/prometheus/metrics}). Errors are {@code {"error": "…"}} with TF
 * Serving's status codes and, where TF Serving has one, its message. Source: TF Serving's REST API
 * documentation (tensorflow.org/tfx/serving/api_rest) and its http_rest_api_handler.cc.
 */
final class RestApi extends Handler.Abstract {
  // TF Serving's paths: /v1/models/NAME, optionally /versions/V or /labels/L, then /metadata or
  // :verb
  private static final Pattern MODEL_PATH =
      Pattern.compile(
          "/v1/models/([^/:]+)(?:/versions/(\\d+)|/labels/([^/:]+))?(/metadata|:[a-z]+)?");
  private static final String METRICS_PATH = "/monitoring/prometheus/metrics";
  private static final String JSON_TYPE = "application/json";
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private static final Set<String> APIS =
      Set.of("status", "metadata", "predict", "classify", "regress");

  private final Map<String, ServedModel> models;
  private final ServingMetrics metrics;
  private final PredictionQueue queue;
  private final Consumer<String> log;

  RestApi(
      Map<String, ServedModel> models,
      ServingMetrics metrics,
      PredictionQueue queue,
      Consumer<String> log) {
    this.log = log;
    this.models = Map.copyOf(models);
    this.metrics = metrics;
    this.queue = queue;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals(METRICS_PATH) && HttpMethod.GET.is(method)) {
      send(response, callback, 200, metrics.contentType(), metrics.scrape());
      return true;
    }
    Matcher m = MODEL_PATH.matcher(path);
    String modelName = m.matches() ? m.group(1) : null;
    String api =
        !m.matches()
            ? ""
            : m.group(4) == null ? "status" : m.group(4).replace(":", "").replace("/", "");
    String[] version = {ServingMetrics.NO_VERSION};
    int status;
    byte[] body;
    try {
      if (modelName == null || !isAllowed(method, api)) {
        throw ApiException.badRequest("Malformed request: " + method + " " + path);
      }
      if (m.group(3) != null) {
        throw ApiException.notFound(
            "Unrecognized servable version label: "
                + m.group(3)
                + " (bean serve has no version labels: name the version, /versions/N)");
      }
      ServedModel model = models.get(modelName);
      Long asked = m.group(2) == null ? null : parseVersion(m.group(2));
      body =
          switch (api) {
            case "status" -> status(model, modelName, asked);
            case "metadata" -> metadata(model, modelName, asked, version);
            case "predict" -> predict(request, model, modelName, asked, version);
            default ->
                throw ApiException.badRequest(
                    "bean serve answers :predict only (its signatures are predict signatures; :"
                        + api
                        + " needs a "
                        + api
                        + " signature)");
          };
      status = 200;
    } catch (ApiException e) {
      status = e.status();
      body = error(e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof HttpException http) {
        status = http.getCode();
        body = error(bodyLimitMessage(http));
      } else {
        // a bug, not the client's fault: one line in the log, one sentence in the answer
        status = 500;
        body = error("internal error: " + e);
        log.accept("bean serve: internal error on " + method + " " + path + ": " + e);
      }
    }
    // labels only from what is served, so that requests for made-up names cannot grow the metrics
    boolean served = modelName != null && models.containsKey(modelName);
    metrics.record(
        served ? modelName : "",
        served ? version[0] : ServingMetrics.NO_VERSION,
        APIS.contains(api) ? api : "",
        codeName(status),
        System.nanoTime() - start);
    send(response, callback, status, JSON_TYPE, body);
    return true;
  }

  private static boolean isAllowed(String method, String api) {
    return api.equals("status") || api.equals("metadata")
        ? HttpMethod.GET.is(method)
        : HttpMethod.POST.is(method);
  }

  private static Long parseVersion(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "Failed to convert version: " + digits + " (expected a number of at most 18 digits)");
    }
  }

  /** GetModelStatus: every version, newest first, or one. */
  private byte[] status(ServedModel model, String name, Long asked) {
    List<ServableVersion> versions = model == null ? List.of() : model.versions();
    if (asked != null) {
      versions = versions.stream().filter(v -> v.version() == asked).toList();
      if (versions.isEmpty()) {
        throw ApiException.notFound("Could not find version " + asked + " of model " + name);
      }
    } else if (versions.isEmpty()) {
      throw ApiException.notFound("Could not find any versions of model " + name);
    }
    List<ServableVersion> listed = versions;
    return json(
        true,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("model_version_status");
          for (ServableVersion v : listed) {
            json.writeStartObject();
            json.writeStringField("version", Long.toString(v.version()));
            json.writeStringField("state", v.state().name());
            json.writeObjectFieldStart("status");
            json.writeStringField("error_code", v.errorCode());
            json.writeStringField("error_message", v.errorMessage());
            json.writeEndObject();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** GetModelMetadata: the version's signatures in protobuf's JSON form. */
  private byte[] metadata(ServedModel model, String name, Long asked, String[] version) {
    ServableVersion served = lease(model, name, asked);
    version[0] = Long.toString(served.version());
    try {
      Map<String, SignatureDef> signatures = served.model().signatureDefs();
      return json(
          true,
          json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("model_spec");
            json.writeStringField("name", name);
            json.writeStringField("signature_name", "");
            json.writeStringField("version", Long.toString(served.version()));
            json.writeEndObject();
            json.writeObjectFieldStart("metadata");
            json.writeFieldName("signature_def");
            SignatureJson.writeMap(json, signatures);
            json.writeEndObject();
            json.writeEndObject();
          });
    } finally {
      served.release();
    }
  }

  /** Predict: the request's signature on its batch, answered in the request's format. */
  private byte[] predict(
      Request request, ServedModel model, String name, Long asked, String[] version) {
    PredictRequest parsed = PredictRequest.parse(body(request));
    return queue.run(() -> predict(parsed, model, name, asked, version));
  }

  private byte[] predict(
      PredictRequest parsed, ServedModel model, String name, Long asked, String[] version) {
    ServableVersion served = lease(model, name, asked);
    version[0] = Long.toString(served.version());
    try {
      BeanModel bean = served.model();
      String signatureName =
          parsed.signatureName() == null || parsed.signatureName().isEmpty()
              ? SavedModelContract.SERVING_DEFAULT
              : parsed.signatureName();
      SignatureDef signature = bean.signatureDefs().get(signatureName);
      if (signature == null) {
        throw ApiException.badRequest(
            "Serving signature name: \""
                + signatureName
                + "\" not found in signature def (this model has "
                + String.join(", ", bean.signatureDefs().keySet())
                + ")");
      }
      if (parsed.format() == PredictRequest.Format.ROW) {
        List<String> unbatched = unbatchedOutputs(signature);
        if (!unbatched.isEmpty()) {
          throw ApiException.badRequest(
              "signature '"
                  + signatureName
                  + "' has outputs without a batch dimension ("
                  + String.join(", ", unbatched)
                  + "), so it cannot answer the row format ('instances'): send 'inputs' (the"
                  + " columnar format)");
        }
      }
      PredictRequest.Batch batch =
          parsed.batchFor(signatureName, bean.inputName(), bean.inputShape().asArray());
      Map<String, TensorValues> outputs;
      try {
        outputs = bean.run(signatureName, batch.values(), batch.count());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      return PredictResponse.write(parsed.format(), outputs, batch.count());
    } finally {
      served.release();
    }
  }

  private static ServableVersion lease(ServedModel model, String name, Long asked) {
    if (model == null) {
      throw ServedModel.notFound(name, asked);
    }
    return model.lease(asked);
  }

  /** Outputs whose first dimension is not the batch (-1): the 'bean' signature's matrices. */
  private static List<String> unbatchedOutputs(SignatureDef signature) {
    return signature.getOutputsMap().entrySet().stream()
        .filter(e -> !isBatched(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private static boolean isBatched(TensorInfo info) {
    return info.getTensorShape().getDimCount() > 0
        && info.getTensorShape().getDim(0).getSize() == -1;
  }

  /** The request body, within the limit the size-limit handler enforces while it is read. */
  private static byte[] body(Request request) {
    try (InputStream in = Content.Source.asInputStream(request)) {
      return in.readAllBytes();
    } catch (IOException e) {
      if (e.getCause() instanceof HttpException http) {
        throw (RuntimeException) http;
      }
      if (e.getCause() instanceof TimeoutException) {
        throw new ApiException(
            408, "the request body stopped arriving (idle for longer than the server waits)");
      }
      throw ApiException.badRequest("the request body could not be read (" + e.getMessage() + ")");
    }
  }

  static String bodyLimitMessage(HttpException e) {
    return e.getCode() == 413
        ? "the request body is larger than the server's limit (bean serve --max-request-mb)"
        : e.getReason();
  }

  /** TF Serving's status code name for an HTTP status this API answers with. */
  static String codeName(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "INVALID_ARGUMENT";
      case 404 -> "NOT_FOUND";
      case 408 -> "DEADLINE_EXCEEDED";
      case 413, 503 -> "RESOURCE_EXHAUSTED";
      case 500 -> "INTERNAL";
      default -> "UNKNOWN";
    };
  }

  /** {@code {"error": message}}: how every TF Serving API answers an error. */
  static byte[] error(String message) {
    return json(
        false,
        json -> {
          json.writeStartObject();
          json.writeStringField("error", message);
          json.writeEndObject();
        });
  }

  private interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] json(boolean pretty, JsonWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      if (pretty) {
        json.useDefaultPrettyPrinter();
      }
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    if (pretty) {
      bytes.write('\n');
    }
    return bytes.toByteArray();
  }

  static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
