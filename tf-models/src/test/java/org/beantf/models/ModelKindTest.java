package org.beantf.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.data.InvalidSettingException;
import org.beantf.data.Preprocessing;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.VariableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Every model's declared BEAN layers are the ones its forward pass builds, with W of shape [N,
 * classes or next].
 */
class ModelKindTest {
  /** 32×32×3 images, which every model takes (ResNet18 only these). */
  private static final Shape IMAGES = Shape.of(32, 32, 3);

  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void theDeclaredBeanLayersAreTheBuiltOnes(ModelKind kind) {
    Shape shape = IMAGES;
    int classes = 7;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images = InferencePass.images(tf, shape);
      Model model = kind.build(shape, classes, 0, List.of(500));
      assertEquals(kind, model.kind());
      Forward forward =
          InferencePass.build(
              tf,
              model,
              images,
              new Preprocessing.Identity(),
              new VariableStore(tf, 1),
              1,
              ActivationHook.NONE);
      assertEquals(
          kind.beanLayerNames(), forward.beanLayers().stream().map(BeanLayer::name).toList());
      assertEquals(classes, forward.logits().shape().get(1));
      BeanLayer<TFloat32> last = forward.beanLayers().get(forward.beanLayers().size() - 1);
      assertEquals(
          classes, last.outgoingWeights().shape().get(1), "the last BEAN layer feeds the output");
      for (BeanLayer<TFloat32> layer : forward.beanLayers()) {
        assertEquals(
            layer.activations().shape().get(1),
            layer.outgoingWeights().shape().get(0),
            layer.name() + ": W has one row per neuron");
      }
    }
  }

  @Test
  void anIdNamesItsKindAndAnUnknownOneIsASettingError() {
    for (ModelKind kind : ModelKind.values()) {
      assertEquals(kind, ModelKind.parse(kind.id()));
    }
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> ModelKind.parse("vgg"));
    assertEquals("model", e.parameter());
    assertEquals(
        "--model vgg: unknown model (expected one of mlp, lenet5, resnet18)",
        e.messageFor(p -> "--" + p));
  }

  @Test
  void inputsAModelCannotTakeAreRefusedBeforeBuilding() {
    assertNull(ModelKind.LENET5.unfitInput(Shape.of(12, 12, 1)));
    assertTrue(ModelKind.LENET5.unfitInput(Shape.of(8, 8, 1)).contains("at least 12x12"));
    assertNull(ModelKind.RESNET18.unfitInput(Shape.of(28, 28, 1)), "any image size from 8x8");
    assertNull(ModelKind.MLP.unfitInput(Shape.of(13)), "the MLP flattens any input");
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> ModelKind.LENET5.build(Shape.of(13), 3, 0, List.of(500)));
    assertTrue(
        e.getMessage().contains("LeNet-5 takes images of [H, W, C], not 13 features"),
        e.getMessage());
  }

  @Test
  void anMlpWithSeveralHiddenLayersHasOneBeanLayerEachFeedingTheNext() {
    Architecture architecture = new Architecture(ModelKind.MLP, List.of(32, 16));
    assertEquals(List.of("hidden1", "hidden2"), architecture.beanLayerNames());
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> features = InferencePass.images(tf, Shape.of(13));
      Model model = ModelKind.MLP.build(Shape.of(13), 3, 0, architecture.hidden());
      Forward forward =
          InferencePass.build(
              tf,
              model,
              features,
              new Preprocessing.Identity(),
              new VariableStore(tf, 1),
              1,
              ActivationHook.NONE);
      assertEquals(
          architecture.beanLayerNames(),
          forward.beanLayers().stream().map(BeanLayer::name).toList());
      assertEquals(Shape.of(32, 16), forward.beanLayers().get(0).outgoingWeights().shape());
      assertEquals(Shape.of(16, 3), forward.beanLayers().get(1).outgoingWeights().shape());
    }
  }
}
