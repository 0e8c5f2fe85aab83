package org.beantf.savedmodels;

/**
 * The values of one output tensor of a signature, row-major, with its shape: what {@link
 * BeanModel#run} returns for each output. TensorFlow Serving's REST API turns these into JSON (row
 * or columnar format); a JVM caller reads them directly.
 */
public sealed interface TensorValues {
  /** The tensor's shape, batch dimension first where the signature has one. */
  long[] shape();

  /** A float32 tensor (DT_FLOAT). */
  record Floats(long[] shape, float[] values) implements TensorValues {}

  /** An int64 tensor (DT_INT64), such as {@code class_ids}. */
  record Int64s(long[] shape, long[] values) implements TensorValues {}

  /** A string tensor (DT_STRING, read as UTF-8), such as {@code class_names}. */
  record Strings(long[] shape, String[] values) implements TensorValues {}
}
