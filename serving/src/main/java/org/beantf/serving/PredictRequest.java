package org.beantf.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a {@code :predict} request in TF Serving's REST API: the row format ({@code
 * "instances"}: a list with one value per example, or one object per example keyed by input name)
 * or the columnar format ({@code "inputs"}: one value, or an object keyed by input name, batch
 * dimension first), and an optional {@code "signature_name"}. Other keys are ignored, as TF Serving
 * ignores them. Source: TF Serving's REST API documentation, "Predict API".
 *
 * @param signatureName the signature asked for, or null for {@code serving_default}
 * @param format row or columnar: also the format of the answer
 * @param named the tensors given by input name; a single entry keyed {@code null} when the request
 *     gave one value without a name
 */
record PredictRequest(String signatureName, Format format, Map<String, NumericTensor> named) {

  /** TF Serving's two request formats; the answer uses the request's. */
  enum Format {
    /** {@code "instances"} in, {@code "predictions"} out: one entry per example. */
    ROW,
    /** {@code "inputs"} in, {@code "outputs"} out: one tensor per name, batch dimension first. */
    COLUMNAR
  }

  // Jackson's fast float parser: Float.parseFloat of MNIST's 8-9 digit values was a fifth of a
  // batch-32 request's parse time (docs/BENCHMARKS.md, "bean serve under load")
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  /**
   * Parses a request body.
   *
   * @throws ApiException (400) for malformed JSON (a bare NaN or Infinity included), a value that
   *     is not a number where a number belongs, or a body without exactly one of {@code instances}
   *     and {@code inputs}
   */
  static PredictRequest parse(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.badRequest(
            "the body is not a JSON object (expected {\"instances\": …} or {\"inputs\": …})");
      }
      String signature = null;
      Format format = null;
      Map<String, NumericTensor> named = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "signature_name" -> {
            if (value != JsonToken.VALUE_STRING) {
              throw ApiException.badRequest(
                  "signature_name is " + NumericTensor.describe(value) + " (expected a string)");
            }
            signature = parser.getText();
          }
          case "instances", "inputs" -> {
            if (format != null) {
              throw ApiException.badRequest(
                  "the body has both 'instances' and 'inputs' (expected only one of them: the row"
                      + " or the columnar format)");
            }
            format = field.equals("instances") ? Format.ROW : Format.COLUMNAR;
            named = format == Format.ROW ? instances(parser) : inputs(parser);
          }
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw ApiException.badRequest("malformed JSON: text after the closing '}'");
      }
      if (format == null) {
        throw ApiException.badRequest(
            "the body has neither 'instances' (the row format) nor 'inputs' (the columnar format)");
      }
      return new PredictRequest(signature, format, named);
    } catch (StreamReadException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON: " + e.getMessage());
    }
  }

  private static ApiException malformed(StreamReadException e) {
    String reason = e.getOriginalMessage();
    if (e instanceof JsonParseException && reason.contains("Non-standard token")) {
      reason =
          "a bare NaN or Infinity is not JSON, and not a valid value here (expected finite numbers)";
    } else {
      // Jackson's own location details ("start marker at [Source: ...]") repeat what is said above
      reason =
          reason
              .lines()
              .findFirst()
              .orElse(reason)
              .replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
              .replaceAll("\\s*at \\[Source:.*$", "");
    }
    return ApiException.badRequest(
        "malformed JSON at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ": "
            + reason);
  }

  /** The row format: each example a bare value, or an object keyed by input name. */
  private static Map<String, NumericTensor> instances(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw ApiException.badRequest(
          "instances is "
              + NumericTensor.describe(parser.currentToken())
              + " (expected a list with one entry per example)");
    }
    JsonToken first = parser.nextToken();
    if (first == JsonToken.END_ARRAY) {
      throw ApiException.badRequest("instances is empty (expected at least one example)");
    }
    Map<String, NumericTensor> named = new LinkedHashMap<>();
    if (first != JsonToken.START_OBJECT) {
      // bare values: the list is the batch, read as one tensor [N, ...]
      NumericTensor batch = NumericTensor.read(parser, "instances[0]");
      NumericTensor all = batchOf(batch, parser, "instances");
      named.put(null, all);
      return named;
    }
    int index = 0;
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken(), index++) {
      if (t != JsonToken.START_OBJECT) {
        throw ApiException.badRequest(
            "instances["
                + index
                + "] is "
                + NumericTensor.describe(t)
                + " where the instances before it are objects keyed by input name");
      }
      int keys = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        String at = "instances[" + index + "]." + name;
        NumericTensor tensor = named.get(name);
        if (tensor == null) {
          if (index > 0) {
            throw ApiException.badRequest(
                at
                    + " is an input the first instance does not have (every instance needs the same inputs)");
          }
          named.put(name, NumericTensor.read(parser, at).asBatchOfOne());
        } else {
          tensor.appendExample(parser, at);
        }
        keys++;
      }
      if (keys == 0) {
        throw ApiException.badRequest(
            "instances[" + index + "] is an empty object (expected the inputs by name)");
      }
      if (keys != named.size()) {
        throw ApiException.badRequest(
            "instances["
                + index
                + "] has "
                + keys
                + " inputs where the first instance has "
                + named.size());
      }
    }
    return named;
  }

  /** Reads the rest of a list whose first entry was {@code first}: the batch [N, ...]. */
  private static NumericTensor batchOf(NumericTensor first, JsonParser parser, String where)
      throws IOException {
    NumericTensor batch = first.asBatchOfOne();
    int index = 1;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      batch.appendExample(parser, where + "[" + index++ + "]");
    }
    return batch;
  }

  /** The columnar format: one value, or an object keyed by input name. */
  private static Map<String, NumericTensor> inputs(JsonParser parser) throws IOException {
    Map<String, NumericTensor> named = new LinkedHashMap<>();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      named.put(null, NumericTensor.read(parser, "inputs"));
      return named;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      named.put(name, NumericTensor.read(parser, "inputs." + name));
    }
    if (named.isEmpty()) {
      throw ApiException.badRequest(
          "inputs is an empty object (expected the model's input by name)");
    }
    return named;
  }

  /**
   * The batch for a signature whose one input is {@code input}, each example of shape {@code
   * example}.
   *
   * @throws ApiException (400) for an input name the signature does not have, a missing input, or a
   *     wrong shape
   */
  Batch batchFor(String signature, String input, long[] example) {
    for (String name : named.keySet()) {
      if (name != null && !name.equals(input)) {
        throw ApiException.badRequest(
            "signature '"
                + signature
                + "' has no input '"
                + name
                + "' (its one input is '"
                + input
                + "')");
      }
    }
    NumericTensor tensor = named.containsKey(input) ? named.get(input) : named.get(null);
    if (tensor == null) {
      throw ApiException.badRequest(
          "the request has no input '" + input + "' (signature '" + signature + "' takes it)");
    }
    long[] shape = tensor.shape();
    long[] expected = new long[example.length + 1];
    expected[0] = shape.length > 0 ? shape[0] : 1;
    System.arraycopy(example, 0, expected, 1, example.length);
    if (shape.length == 0 || shape[0] < 1 || !Arrays.equals(shape, expected)) {
      throw ApiException.badRequest(
          (format == Format.ROW ? "instances" : "inputs")
              + " for '"
              + input
              + "' has shape "
              + Arrays.toString(shape)
              + " (expected [N, "
              + String.join(", ", Arrays.stream(example).mapToObj(Long::toString).toList())
              + "] with N ≥ 1"
              + (format == Format.ROW
                  ? ": a list of examples, each " + Arrays.toString(example)
                  : "")
              + ")");
    }
    return new Batch(tensor.values(), (int) shape[0]);
  }

  /** A batch of {@code count} examples, row-major. */
  record Batch(float[] values, int count) {}
}
