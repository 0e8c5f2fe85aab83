package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The request formats of TF Serving's REST API "Predict API", on hand-written bodies. */
class PredictRequestTest {
  private static final long[] EXAMPLE = {2, 2, 1};

  private static PredictRequest parse(String json) {
    return PredictRequest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String error(String json) {
    ApiException e =
        assertThrows(
            ApiException.class, () -> parse(json).batchFor("serving_default", "images", EXAMPLE));
    assertEquals(400, e.status());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void rowFormatWithBareInstancesIsOneBatch() {
    PredictRequest request =
        parse("{\"instances\": [[[[0.1],[0.2]],[[0.3],[0.4]]], [[[1],[2]],[[3],[4]]]]}");
    assertEquals(PredictRequest.Format.ROW, request.format());
    assertNull(request.signatureName());
    PredictRequest.Batch batch = request.batchFor("serving_default", "images", EXAMPLE);
    assertEquals(2, batch.count());
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 1, 2, 3, 4}, batch.values());
  }

  @Test
  void rowFormatWithNamedInstancesEqualsBareOne() {
    PredictRequest request =
        parse(
            "{\"signature_name\": \"bean\", \"instances\": [{\"images\": [[[0.1],[0.2]],[[0.3],[0.4]]]},"
                + " {\"images\": [[[1],[2]],[[3],[4]]]}]}");
    assertEquals("bean", request.signatureName());
    PredictRequest.Batch batch = request.batchFor("bean", "images", EXAMPLE);
    assertEquals(2, batch.count());
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 1, 2, 3, 4}, batch.values());
  }

  @Test
  void columnarFormatBareAndNamed() {
    String tensor = "[[[[0.5],[0]],[[0],[0.25]]]]";
    for (String body :
        new String[] {
          "{\"inputs\": " + tensor + "}", "{\"inputs\": {\"images\": " + tensor + "}, \"x\": [1]}"
        }) {
      PredictRequest request = parse(body);
      assertEquals(PredictRequest.Format.COLUMNAR, request.format());
      PredictRequest.Batch batch = request.batchFor("serving_default", "images", EXAMPLE);
      assertEquals(1, batch.count());
      assertArrayEquals(new float[] {0.5f, 0, 0, 0.25f}, batch.values());
    }
  }

  @Test
  void featuresTakeRowsOfNumbers() {
    PredictRequest.Batch batch =
        parse("{\"instances\": [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3]]}")
            .batchFor("serving_default", "features", new long[] {4});
    assertEquals(2, batch.count());
    assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f, 6.2f, 2.9f, 4.3f, 1.3f}, batch.values());
  }

  @Test
  void wrongShapeNamesBoth() {
    String message = error("{\"instances\": [[0.5, 0.5]]}");
    assertTrue(message.contains("[1, 2]") && message.contains("[N, 2, 2, 1]"), message);
  }

  @Test
  void raggedArraysAreRefusedWhereTheyAreRagged() {
    assertTrue(error("{\"inputs\": [[1, 2], [3]]}").contains("inputs[1]"));
    assertTrue(error("{\"inputs\": [[1, 2], 3]}").contains("inputs[1] is a number"));
    assertTrue(error("{\"inputs\": [1, [2, 3]]}").contains("inputs[1] is an array"));
    assertTrue(
        error("{\"instances\": [[[[1],[2]],[[3],[4]]], [[[1],[2]]]]}").contains("instances[1]"));
  }

  @Test
  void nonNumbersAreRefusedWithTheirPlace() {
    String message = error("{\"instances\": [[[[0.1],[\"0.2\"]],[[0.3],[0.4]]]]}");
    assertTrue(
        message.contains("instances[0][0][1][0] is a string where a number belongs"), message);
    assertTrue(error("{\"inputs\": [[true]]}").contains("a boolean"));
    assertTrue(error("{\"inputs\": [[null]]}").contains("null"));
  }

  @Test
  void nonFiniteValuesAreRefused() {
    assertTrue(error("{\"inputs\": [NaN]}").contains("NaN or Infinity"));
    assertTrue(error("{\"inputs\": [-Infinity]}").contains("NaN or Infinity"));
    assertTrue(error("{\"inputs\": [[1e999]]}").contains("not a finite float32"));
  }

  @Test
  void malformedBodiesSayWhere() {
    assertTrue(error("{\"instances\": [1,").startsWith("malformed JSON at line 1"));
    assertTrue(error("[1, 2]").contains("not a JSON object"));
    assertTrue(error("{}").contains("neither 'instances'"));
    assertTrue(error("{\"instances\": [1], \"inputs\": [1]}").contains("both"));
    assertTrue(error("{\"instances\": []}").contains("empty"));
    assertTrue(error("{\"instances\": 3}").contains("expected a list"));
    assertTrue(error("{\"signature_name\": 3, \"inputs\": [1]}").contains("expected a string"));
    assertTrue(error("{\"inputs\": [1]} x").startsWith("malformed JSON"));
    assertTrue(error("{\"inputs\": [1]} {}").contains("after the closing"));
  }

  @Test
  void emptyOrMissingInputsAreRefused() {
    assertTrue(error("{\"instances\": [{}]}").contains("instances[0] is an empty object"));
    assertTrue(error("{\"instances\": 5}").contains("instances is a number"));
    assertTrue(error("{\"signature_name\": 5, \"inputs\": [1]}").contains("is a number"));
  }

  @Test
  void unknownInputNameIsRefused() {
    String message = error("{\"inputs\": {\"pixels\": [[[[1],[2]],[[3],[4]]]]}}");
    assertTrue(message.contains("no input 'pixels'") && message.contains("'images'"), message);
  }
}
