package org.beantf.models.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What layers need to build themselves: the graph, whether this is the training or the inference
 * pass, the shared variables, the training step (which keys dropout masks) and a place for the
 * updates a training pass makes (batch norm's moving statistics), a hook on the BEAN layers'
 * activations (the analysis graph's masks), and the neurons a pruned model keeps of each BEAN
 * layer.
 */
public final class ModelScope {
  /**
   * Training: batch statistics, dropout on, updates recorded. Inference: moving statistics, dropout
   * off.
   */
  public enum Mode {
    TRAINING,
    INFERENCE
  }

  private final Ops tf;
  private final Mode mode;
  private final VariableStore variables;
  private final Operand<TInt64> step;
  private final long seed;
  private final ActivationHook hook;
  private final NeuronSelection selection;
  private final List<Op> updates = new ArrayList<>();

  /**
   * @param step the training step counter (read), or null in a graph that never trains
   * @param seed the run's seed: dropout masks derive from it and the step
   */
  public ModelScope(Ops tf, Mode mode, VariableStore variables, Operand<TInt64> step, long seed) {
    this(tf, mode, variables, step, seed, ActivationHook.NONE);
  }

  /**
   * @param hook applied to every BEAN layer's activations before the next layer reads them
   */
  public ModelScope(
      Ops tf,
      Mode mode,
      VariableStore variables,
      Operand<TInt64> step,
      long seed,
      ActivationHook hook) {
    this(tf, mode, variables, step, seed, hook, NeuronSelection.ALL);
  }

  /**
   * @param selection the neurons kept of each BEAN layer (a pruned model), {@link
   *     NeuronSelection#ALL} for the model as declared
   */
  public ModelScope(
      Ops tf,
      Mode mode,
      VariableStore variables,
      Operand<TInt64> step,
      long seed,
      ActivationHook hook,
      NeuronSelection selection) {
    this.tf = tf;
    this.mode = mode;
    this.variables = variables;
    this.step = step;
    this.seed = seed;
    this.hook = hook;
    this.selection = selection;
  }

  public Ops tf() {
    return tf;
  }

  public boolean training() {
    return mode == Mode.TRAINING;
  }

  public VariableStore variables() {
    return variables;
  }

  /** The training step, for stateless dropout masks. */
  public Operand<TInt64> step() {
    if (step == null) {
      throw new IllegalStateException("this graph has no training step");
    }
    return step;
  }

  public long seed() {
    return seed;
  }

  /**
   * The activations {@code h} of BEAN layer {@code layer} as the next layer reads them (through the
   * hook, then only the kept neurons of a pruned model).
   */
  public Operand<TFloat32> beanActivations(String layer, Operand<TFloat32> h) {
    return selection.select(tf, layer, hook.apply(tf, layer, h));
  }

  /**
   * The units dense layer {@code layer} is built with: {@code declared}, or the neurons a pruned
   * model keeps of the BEAN layer of that name.
   */
  public int units(String layer, int declared) {
    return selection.units(layer, declared);
  }

  /** Records an op the training step must run (a moving-statistics update). */
  public void addUpdate(Op update) {
    updates.add(update);
  }

  /** The updates recorded by the layers of a training pass. */
  public List<Op> updates() {
    return Collections.unmodifiableList(updates);
  }
}
