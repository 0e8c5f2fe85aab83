package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beantf.savedmodels.TensorValues;
import org.junit.jupiter.api.Test;

/** The answer formats of TF Serving's REST API "Predict API", checked against hand-made JSON. */
class PredictResponseTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, TensorValues> outputs() {
    Map<String, TensorValues> out = new LinkedHashMap<>();
    out.put("class_ids", new TensorValues.Int64s(new long[] {2}, new long[] {1, 0}));
    out.put("class_names", new TensorValues.Strings(new long[] {2}, new String[] {"cat", "dog"}));
    out.put(
        "probabilities",
        new TensorValues.Floats(new long[] {2, 2}, new float[] {0.25f, 0.75f, 0.5f, 0.5f}));
    return out;
  }

  @Test
  void rowFormatIsOneObjectPerExample() throws Exception {
    JsonNode answer =
        MAPPER.readTree(PredictResponse.write(PredictRequest.Format.ROW, outputs(), 2));
    JsonNode expected =
        MAPPER.readTree(
            "{\"predictions\": [{\"class_ids\": 1, \"class_names\": \"cat\", \"probabilities\":"
                + " [0.25, 0.75]}, {\"class_ids\": 0, \"class_names\": \"dog\", \"probabilities\":"
                + " [0.5, 0.5]}]}");
    assertEquals(expected, answer);
  }

  @Test
  void columnarFormatIsOneTensorPerOutput() throws Exception {
    JsonNode answer =
        MAPPER.readTree(PredictResponse.write(PredictRequest.Format.COLUMNAR, outputs(), 2));
    JsonNode expected =
        MAPPER.readTree(
            "{\"outputs\": {\"class_ids\": [1, 0], \"class_names\": [\"cat\", \"dog\"],"
                + " \"probabilities\": [[0.25, 0.75], [0.5, 0.5]]}}");
    assertEquals(expected, answer);
  }

  @Test
  void oneOutputIsBareInBothFormats() throws Exception {
    Map<String, TensorValues> one =
        Map.of("y", new TensorValues.Floats(new long[] {2, 1}, new float[] {2.5f, 3f}));
    assertEquals(
        MAPPER.readTree("{\"predictions\": [[2.5], [3.0]]}"),
        MAPPER.readTree(PredictResponse.write(PredictRequest.Format.ROW, one, 2)));
    assertEquals(
        MAPPER.readTree("{\"outputs\": [[2.5], [3.0]]}"),
        MAPPER.readTree(PredictResponse.write(PredictRequest.Format.COLUMNAR, one, 2)));
  }

  @Test
  void nonFiniteOutputsAreRefusedNotWrittenAsStrings() {
    Map<String, TensorValues> nan =
        Map.of(
            "logits", new TensorValues.Floats(new long[] {2, 2}, new float[] {1, 2, Float.NaN, 0}));
    ApiException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class, () -> PredictResponse.write(PredictRequest.Format.ROW, nan, 2));
    assertEquals(400, e.status());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("'logits' is NaN for example 1"), e.getMessage());
  }

  @Test
  void floatsRoundTripExactly() throws Exception {
    float value = 0.1f + 1e-9f;
    Map<String, TensorValues> one =
        Map.of("y", new TensorValues.Floats(new long[] {1}, new float[] {value, 1.17549435E-38f}));
    JsonNode answer =
        MAPPER.readTree(PredictResponse.write(PredictRequest.Format.COLUMNAR, one, 1));
    assertEquals(value, (float) answer.get("outputs").get(0).asDouble());
  }
}
