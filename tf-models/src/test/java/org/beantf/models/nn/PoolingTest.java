package org.beantf.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Max pooling against a plain-Java pooling: values, and the gradient that routes to each window's
 * maximum.
 */
class PoolingTest {
  private static final int S = 2;
  private static final int H = 6;
  private static final int W = 4;
  private static final int C = 3;

  @Test
  void poolsEachWindowToItsMaximumAndRoutesTheGradientThere() {
    Random random = new Random(7);
    float[] x = new float[S * H * W * C];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian(); // distinct with probability 1: one maximum per window
    }
    float[] upstream = new float[S * (H / 2) * (W / 2) * C];
    for (int i = 0; i < upstream.length; i++) {
      upstream[i] = i + 1;
    }
    float[] expectedPool = new float[upstream.length];
    float[] expectedGradient = new float[x.length];
    for (int s = 0; s < S; s++) {
      for (int i = 0; i < H / 2; i++) {
        for (int j = 0; j < W / 2; j++) {
          for (int c = 0; c < C; c++) {
            int argmax = -1;
            for (int di = 0; di < 2; di++) {
              for (int dj = 0; dj < 2; dj++) {
                int at = ((s * H + 2 * i + di) * W + 2 * j + dj) * C + c;
                if (argmax < 0 || x[at] > x[argmax]) {
                  argmax = at;
                }
              }
            }
            int out = ((s * (H / 2) + i) * (W / 2) + j) * C + c;
            expectedPool[out] = x[argmax];
            expectedGradient[argmax] = upstream[out];
          }
        }
      }
    }

    try (Graph graph = new Graph();
        Session session = new Session(graph);
        TFloat32 input = TFloat32.tensorOf(Shape.of(S, H, W, C), DataBuffers.of(x, true, false))) {
      Ops tf = Ops.create(graph);
      var placeholder = tf.placeholder(TFloat32.class);
      Operand<TFloat32> pooled = Pooling.maxPool(tf, placeholder, 2);
      Operand<TFloat32> weighted =
          tf.reduceSum(
              tf.math.mul(
                  pooled,
                  tf.constant(Shape.of(S, H / 2, W / 2, C), DataBuffers.of(upstream, true, false))),
              tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] gradient =
          graph.addGradients(weighted.asOutput(), new Output<?>[] {placeholder.asOutput()});
      try (Result result =
          session.runner().feed(placeholder, input).fetch(pooled).fetch(gradient[0]).run()) {
        TFloat32 actualPool = (TFloat32) result.get(0);
        assertEquals(Shape.of(S, H / 2, W / 2, C), actualPool.shape());
        assertArrayEquals(expectedPool, copy(actualPool));
        assertArrayEquals(expectedGradient, copy((TFloat32) result.get(1)));
      }
    }
  }

  private static float[] copy(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }
}
