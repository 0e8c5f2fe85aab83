package org.beantf.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.Preprocessing;
import org.beantf.models.InferencePass;
import org.beantf.models.Model;
import org.beantf.models.ModelKind;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The initial weights of LeNet-5 under both schemes, against bounds and spreads computed here from
 * the layer shapes: PyTorch's U(±1/√fan_in) for kernels and biases, Glorot's U(±√(6/(in+out))) for
 * dense kernels, He's truncated normal for convolutions, zero biases.
 */
class WeightInitTest {
  private static final Shape MNIST = Shape.of(28, 28, 1);

  @Test
  void pytorchDrawsKernelsAndBiasesUniformlyWithinOneOverRootFanIn() {
    Map<String, float[]> values = initialValues(WeightInit.PYTORCH);
    // LeNet-5's fan-ins: conv1 5·5·1, conv2 5·5·6, fc1 400, fc2 120, fc3 84
    Map<String, Integer> fanIn =
        Map.of("conv1", 25, "conv2", 150, "fc1", 400, "fc2", 120, "fc3", 84);
    fanIn.forEach(
        (layer, in) -> {
          double limit = 1 / Math.sqrt(in);
          for (String part : List.of("kernel", "bias")) {
            float[] v = values.get(layer + "/" + part);
            assertUniformWithin(v, limit, layer + "/" + part);
          }
        });
  }

  @Test
  void glorotKeepsKerasChoicesWithZeroBiases() {
    Map<String, float[]> values = initialValues(WeightInit.GLOROT);
    assertUniformWithin(values.get("fc3/kernel"), Math.sqrt(6.0 / (84 + 10)), "fc3/kernel");
    assertUniformWithin(values.get("fc1/kernel"), Math.sqrt(6.0 / (400 + 120)), "fc1/kernel");
    // He normal truncated at 2 sd, rescaled to sd √(2 / fan_in)
    float[] conv2 = values.get("conv2/kernel");
    assertEquals(Math.sqrt(2.0 / 150), sd(conv2), 0.1 * Math.sqrt(2.0 / 150), "conv2 sd");
    for (String bias : List.of("conv1/bias", "conv2/bias", "fc1/bias", "fc2/bias", "fc3/bias")) {
      for (float b : values.get(bias)) {
        assertEquals(0f, b, bias);
      }
    }
  }

  /** Inside [−limit, limit], reaching most of it, with the standard deviation limit/√3 of U. */
  private static void assertUniformWithin(float[] v, double limit, String what) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    assertTrue(max <= limit * (1 + 1e-6), what + ": max |w| " + max + " > " + limit);
    if (v.length >= 100) {
      assertTrue(max > 0.9 * limit, what + ": max |w| " + max + " far below " + limit);
      assertEquals(limit / Math.sqrt(3), sd(v), 0.1 * limit / Math.sqrt(3), what + " sd");
    } else {
      assertTrue(max > 0, what + ": all zero");
    }
  }

  private static double sd(float[] v) {
    double sum = 0;
    double squares = 0;
    for (float x : v) {
      sum += x;
      squares += (double) x * x;
    }
    double mean = sum / v.length;
    return Math.sqrt(squares / v.length - mean * mean);
  }

  private static Map<String, float[]> initialValues(WeightInit init) {
    Map<String, float[]> values = new HashMap<>();
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images = InferencePass.images(tf, MNIST);
      Model model = ModelKind.LENET5.build(MNIST, 10, 0, List.of(500));
      VariableStore store = new VariableStore(tf, 3, init);
      InferencePass.build(
          tf, model, images, new Preprocessing.Identity(), store, 3, ActivationHook.NONE);
      var runner = session.runner();
      store.initializers().forEach(runner::addTarget);
      runner.run();
      for (VariableStore.Entry entry : store.entries()) {
        try (TFloat32 value = (TFloat32) session.runner().fetch(entry.variable()).run().get(0)) {
          float[] flat = new float[(int) value.shape().size()];
          value.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(flat, false, false));
          values.put(entry.name(), flat);
        }
      }
    }
    return values;
  }
}
