package org.beantf.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.beantf.savedmodels.TensorValues;

/**
 * The answer to a {@code :predict} request, in TF Serving's JSON: the row format's {@code
 * "predictions"} (one entry per example: an object keyed by output name, or the bare value when the
 * signature has one output) or the columnar format's {@code "outputs"} (an object keyed by output
 * name, or the bare value for one output). Floats are written in their shortest round-trip form.
 * Source: TF Serving's REST API documentation, "Predict API", "Response format".
 */
final class PredictResponse {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private PredictResponse() {}

  /** The JSON bytes of the answer to a request in {@code format} whose outputs are {@code out}. */
  static byte[] write(PredictRequest.Format format, Map<String, TensorValues> out, int count) {
    requireFinite(out);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      if (format == PredictRequest.Format.ROW) {
        json.writeArrayFieldStart("predictions");
        for (int row = 0; row < count; row++) {
          if (out.size() == 1) {
            example(json, out.values().iterator().next(), row);
          } else {
            json.writeStartObject();
            for (var output : out.entrySet()) {
              json.writeFieldName(output.getKey());
              example(json, output.getValue(), row);
            }
            json.writeEndObject();
          }
        }
        json.writeEndArray();
      } else {
        json.writeFieldName("outputs");
        if (out.size() == 1) {
          whole(json, out.values().iterator().next());
        } else {
          json.writeStartObject();
          for (var output : out.entrySet()) {
            json.writeFieldName(output.getKey());
            whole(json, output.getValue());
          }
          json.writeEndObject();
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Refuses outputs that are NaN or infinite: JSON has no such numbers (TF Serving writes bare NaN,
   * which most parsers reject), and a class chosen from NaN scores means nothing. Finite inputs far
   * outside the training range (1e38) overflow inside the network.
   */
  private static void requireFinite(Map<String, TensorValues> out) {
    for (var output : out.entrySet()) {
      if (output.getValue() instanceof TensorValues.Floats f) {
        long[] shape = f.shape();
        int perRow = perExample(shape);
        float[] values = f.values();
        for (int i = 0; i < values.length; i++) {
          if (!Float.isFinite(values[i])) {
            throw ApiException.badRequest(
                "output '"
                    + output.getKey()
                    + "' is "
                    + values[i]
                    + (shape.length > 0 ? " for example " + i / Math.max(1, perRow) : "")
                    + ": the input is outside what the model can compute (values far beyond those"
                    + " it was trained on)");
          }
        }
      }
    }
  }

  /** Example {@code row} of a batch-first tensor: its slice [shape[1], ...], nested. */
  private static void example(JsonGenerator json, TensorValues tensor, int row) throws IOException {
    long[] shape = tensor.shape();
    nested(json, tensor, shape, 1, row * perExample(shape));
  }

  /** How many values one example of a batch-first tensor of {@code shape} holds. */
  private static int perExample(long[] shape) {
    int values = 1;
    for (int d = 1; d < shape.length; d++) {
      values *= (int) shape[d];
    }
    return values;
  }

  private static void whole(JsonGenerator json, TensorValues tensor) throws IOException {
    nested(json, tensor, tensor.shape(), 0, 0);
  }

  /** Dimensions {@code depth..} of the tensor, starting at flat index {@code offset}. */
  private static int nested(
      JsonGenerator json, TensorValues tensor, long[] shape, int depth, int offset)
      throws IOException {
    if (depth == shape.length) {
      if (tensor instanceof TensorValues.Floats f) {
        json.writeNumber(f.values()[offset]);
      } else if (tensor instanceof TensorValues.Int64s l) {
        json.writeNumber(l.values()[offset]);
      } else {
        json.writeString(((TensorValues.Strings) tensor).values()[offset]);
      }
      return offset + 1;
    }
    json.writeStartArray();
    int at = offset;
    for (long i = 0; i < shape[depth]; i++) {
      at = nested(json, tensor, shape, depth + 1, at);
    }
    json.writeEndArray();
    return at;
  }
}
