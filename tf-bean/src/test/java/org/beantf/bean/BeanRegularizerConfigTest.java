package org.beantf.bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The choice of form (LossForm.cheapest, BeanRegularizer.formFor) and the validation of the
 * configuration.
 */
class BeanRegularizerConfigTest {

  @ParameterizedTest(name = "order={0}")
  @ValueSource(ints = {1, 2})
  void absoluteDivergenceAlwaysUsesBroadcast(int order) {
    assertEquals(LossForm.BROADCAST, LossForm.cheapest(Divergence.ABSOLUTE, order, 500, 10, 100));
    assertEquals(
        LossForm.BROADCAST,
        BeanRegularizer.of(order, 1).withDivergence(Divergence.ABSOLUTE).formFor(500, 10));
  }

  /**
   * The factor wins for a wide layer with few outputs, not for M = 84 at order 2: the winners
   * measured in docs/BENCHMARKS.md (BeanLossBenchmark), including S = 1 where the factor's
   * construction dominates.
   */
  @ParameterizedTest(name = "N={0} M={1} S={2} order={3} -> {4}")
  @CsvSource({
    "500, 10, 100, 1, LOWRANK",
    "500, 10, 100, 2, LOWRANK",
    "120, 84, 100, 2, DENSE",
    "120, 84, 100, 1, LOWRANK",
    "128, 84, 1, 2, DENSE",
    "500, 84, 1, 2, DENSE",
    "2048, 84, 100, 2, DENSE",
    "2048, 10, 1, 2, LOWRANK",
    "128, 10, 100, 2, LOWRANK",
    "2048, 84, 100, 1, LOWRANK"
  })
  void autoPicksTheCheapestSquaredForm(long n, long m, int s, int order, LossForm expected) {
    assertEquals(expected, LossForm.cheapest(Divergence.SQUARED, order, n, m, s));
    assertEquals(expected, BeanRegularizer.of(order, 1).withBatchSize(s).formFor(n, m));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"BROADCAST", "DENSE", "LOWRANK"})
  void explicitFormIsKept(LossForm form) {
    // For both shapes auto would pick something else for at least one of them.
    assertEquals(form, BeanRegularizer.of(2, 1).withForm(form).formFor(500, 10));
    assertEquals(form, BeanRegularizer.of(2, 1).withForm(form).formFor(120, 84));
  }

  @Test
  void costsFollowTheDocumentedFormulas() {
    // N = 500, M = 10, S = 100: N²M = 2.5e6, N² = 2.5e5, S·N² = 2.5e7, S·N·M = 5e5, M(M+1)/2 = 55,
    // the two
    // selection products 2·N·M·55; the elementwise-built matrices weigh 500 per element.
    assertEquals(2.5e6 + 500 * (2.5e5 + 2.5e7), LossForm.cost(LossForm.BROADCAST, 1, 500, 10, 100));
    assertEquals(2.5e6 + 2.5e7 + 500 * 2.5e5, LossForm.cost(LossForm.DENSE, 2, 500, 10, 100));
    assertEquals(5e5, LossForm.cost(LossForm.LOWRANK, 1, 500, 10, 100));
    assertEquals(
        100 * 500 * 55 + 2 * 500 * 10 * 55 + 500 * 500 * 55,
        LossForm.cost(LossForm.LOWRANK, 2, 500, 10, 100));
    assertThrows(
        IllegalArgumentException.class, () -> LossForm.cost(LossForm.AUTO, 1, 500, 10, 100));
  }

  static Stream<Arguments> invalidRegularizers() {
    BeanRegularizer valid = BeanRegularizer.of(1, 1);
    return Stream.of(
        Arguments.of("order 3", (Supplier<?>) () -> BeanRegularizer.of(3, 1)),
        Arguments.of("gamma 0.0", (Supplier<?>) () -> valid.withGamma(0)),
        Arguments.of("gamma -1.0", (Supplier<?>) () -> valid.withGamma(-1)),
        Arguments.of("gamma NaN", (Supplier<?>) () -> valid.withGamma(Double.NaN)),
        Arguments.of(
            "gamma Infinity", (Supplier<?>) () -> valid.withGamma(Double.POSITIVE_INFINITY)),
        Arguments.of("alpha -1.0", (Supplier<?>) () -> BeanRegularizer.of(1, -1)),
        Arguments.of("alpha NaN", (Supplier<?>) () -> BeanRegularizer.of(1, Double.NaN)),
        Arguments.of(
            "alpha Infinity", (Supplier<?>) () -> BeanRegularizer.of(1, Double.POSITIVE_INFINITY)),
        Arguments.of("batch size 0", (Supplier<?>) () -> valid.withBatchSize(0)),
        Arguments.of(
            "form dense",
            (Supplier<?>) () -> valid.withForm(LossForm.DENSE).withDivergence(Divergence.ABSOLUTE)),
        Arguments.of(
            "form lowrank",
            (Supplier<?>)
                () -> valid.withForm(LossForm.LOWRANK).withDivergence(Divergence.ABSOLUTE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRegularizers")
  void invalidConfigurationIsRejectedNamingTheValue(String value, Supplier<?> construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::get);
    assertTrue(e.getMessage().contains(value), "'" + e.getMessage() + "' does not name " + value);
  }

  @Test
  void zeroAlphaIsValid() {
    assertEquals(0, BeanRegularizer.of(2, 0).alpha());
  }

  @ParameterizedTest(name = "'{0}'")
  @ValueSource(strings = {"Hidden", "a-b", ""})
  void layerNameOutsideLowerCaseDigitsAndUnderscoreIsRejected(String name) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new BeanLayer<>(name, input(tf, -1, 5), input(tf, 5, 3)));
      assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
  }

  /** Activations [S, N] and weights [N, M] must agree on a known N. */
  @ParameterizedTest(name = "H {0} W {1}")
  @CsvSource({"'-1,5', '4,3'", "'-1,-1', '4,3'", "'-1,5', '5'", "'5', '5,3'", "'-1,5,1', '5,3'"})
  void layerWithMismatchedShapesIsRejected(String activations, String weights) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new BeanLayer<>(
                      "hidden_1", input(tf, dims(activations)), input(tf, dims(weights))));
      assertTrue(e.getMessage().contains("hidden_1"), e.getMessage());
    }
  }

  @Test
  void layerReportsItsNeuronsAndOutgoing() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BeanLayer<TFloat32> layer = new BeanLayer<>("fc_2", input(tf, -1, 5), input(tf, 5, 3));
      assertEquals(5, layer.neurons());
      assertEquals(3, layer.outgoing());
    }
  }

  @Test
  void penaltyNeedsALayer() {
    try (Graph graph = new Graph()) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              BeanRegularizer.of(1, 1).penalty(Ops.create(graph), List.<BeanLayer<TFloat32>>of()));
    }
  }

  private static Placeholder<TFloat32> input(Ops tf, long... dims) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
  }

  private static long[] dims(String csv) {
    return Stream.of(csv.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
