package org.beantf.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON value read as a dense float tensor: a number, or arrays nested to any depth that are
 * rectangular (every array at one depth has the length of the first). Read in one pass with
 * Jackson's streaming parser, straight into a float buffer: a batch of 32 CIFAR images is 98,304
 * numbers, and a tree of JSON nodes would hold each of them as an object.
 */
final class NumericTensor {
  private final List<Integer> shape = new ArrayList<>();
  private float[] values = new float[1024];
  private int size;
  private final String where;
  // the depth of the numbers, fixed by the first one: a number or an array anywhere else is ragged
  private int leafDepth = -1;

  private NumericTensor(String where) {
    this.where = where;
  }

  /** The shape read. */
  long[] shape() {
    return shape.stream().mapToLong(Integer::longValue).toArray();
  }

  /** The values read, row-major. */
  float[] values() {
    return size == values.length ? values : Arrays.copyOf(values, size);
  }

  /**
   * Reads the value starting at the parser's current token; {@code where} names it in errors (such
   * as {@code instances} or {@code inputs.images}).
   *
   * @throws ApiException (400) for a string, boolean, null or object where a number belongs, a
   *     ragged array, or a number that is not finite as float32
   */
  static NumericTensor read(JsonParser parser, String where) throws IOException {
    NumericTensor tensor = new NumericTensor(where);
    tensor.value(parser, 0);
    return tensor;
  }

  /** This value as a batch of one example: shape [1, ...shape]. */
  NumericTensor asBatchOfOne() {
    shape.add(0, 1);
    return this;
  }

  /**
   * Appends one more example read from the parser (one entry of the row format) to this batch, or
   * refuses it naming both shapes.
   */
  void appendExample(JsonParser parser, String at) throws IOException {
    NumericTensor next = read(parser, at);
    List<Integer> example = shape.subList(1, shape.size());
    if (!next.shape.equals(example)) {
      throw ApiException.badRequest(
          at
              + " has shape "
              + next.shape
              + " where the first example has "
              + example
              + " (every example must have the same shape)");
    }
    ensure(size + next.size);
    System.arraycopy(next.values, 0, values, size, next.size);
    size += next.size;
    shape.set(0, shape.get(0) + 1);
  }

  private void value(JsonParser parser, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      if (leafDepth >= 0 && depth >= leafDepth) {
        throw ragged(path(depth), "an array", "numbers");
      }
      int length = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        at(depth, length);
        if (length == 0 && shape.size() == depth) {
          shape.add(-1); // the first array at this depth fixes its length, once it is known
        }
        value(parser, depth + 1);
        length++;
      }
      if (shape.size() == depth) {
        shape.add(0); // an empty array: nothing below it
      }
      if (shape.get(depth) == -1) {
        shape.set(depth, length);
      } else if (shape.get(depth) != length) {
        throw ApiException.badRequest(
            path(depth)
                + " has "
                + length
                + " elements where the arrays before it at this depth have "
                + shape.get(depth)
                + " (expected a rectangular array)");
      }
      return;
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      if (leafDepth < 0) {
        leafDepth = depth;
      } else if (depth != leafDepth) {
        throw ragged(path(depth), "a number", "arrays");
      }
      float v = parser.getFloatValue();
      if (!Float.isFinite(v)) {
        throw ApiException.badRequest(
            path(depth) + " is " + parser.getText() + ", which is not a finite float32 number");
      }
      ensure(size + 1);
      values[size++] = v;
      return;
    }
    throw ApiException.badRequest(
        path(depth)
            + " is "
            + describe(token)
            + " where a number belongs ("
            + where
            + " takes numbers in nested arrays)");
  }

  // the index at each depth of the value being read; its path ("instances[0][3]") is spelled out
  // only for an error, not for each of the thousands of numbers of a request
  private int[] indices = new int[8];

  private void at(int depth, int index) {
    if (depth >= indices.length) {
      indices = Arrays.copyOf(indices, indices.length * 2);
    }
    indices[depth] = index;
  }

  /** The path of the value at {@code depth}, such as {@code instances[0][3]}. */
  private String path(int depth) {
    StringBuilder path = new StringBuilder(where);
    for (int d = 0; d < depth; d++) {
      path.append('[').append(indices[d]).append(']');
    }
    return path.toString();
  }

  private static ApiException ragged(CharSequence path, String found, String before) {
    return ApiException.badRequest(
        path
            + " is "
            + found
            + " where the values before it at this depth are "
            + before
            + " (expected a rectangular array)");
  }

  private void ensure(int capacity) {
    if (capacity > values.length) {
      values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
    }
  }

  static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      default -> "'" + token.asString() + "'";
    };
  }
}
