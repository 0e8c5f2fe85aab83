package org.beantf.models.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.sampling.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The variables of one model in one graph, by name ("fc1/kernel"). A layer asks for its variables
 * by name, so the training and the inference forward passes of the same graph share them, and an
 * inference graph built from the same declarations has the same names as the checkpoint. A store
 * with connection masks (a pruned model fine-tuning) gives the masked kernels as W ⊙ mask, so that
 * every layer, regularizer and gradient sees the removed connections as exact zeros.
 */
public final class VariableStore {
  /**
   * What a variable is for: the optimiser trains {@link #trainable()} kinds; weight decay takes
   * every {@link #kernel()}, the ℓ1 penalty every {@link #denseWeight()}.
   */
  public enum Kind {
    DENSE_KERNEL,
    DENSE_BIAS,
    CONV_KERNEL,
    CONV_BIAS,
    SCALE,
    OFFSET,
    MOVING_STATISTIC;

    boolean trainable() {
      return this != MOVING_STATISTIC;
    }

    /** A dense or convolution kernel. */
    public boolean kernel() {
      return this == DENSE_KERNEL || this == CONV_KERNEL;
    }

    /** A fully connected layer's kernel or bias. */
    public boolean denseWeight() {
      return this == DENSE_KERNEL || this == DENSE_BIAS;
    }
  }

  /** One variable: its op, what it is, and the op that gives it its initial value. */
  public record Entry(String name, Variable<TFloat32> variable, Kind kind, Op initializer) {}

  private final Ops tf;
  private final long seed;
  private final WeightInit init;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, float[][]> masks;
  private final Map<String, Operand<TBool>> maskConstants = new LinkedHashMap<>();

  /** Variables for graph {@code tf}, initialised from {@code seed} as {@link WeightInit#GLOROT}. */
  public VariableStore(Ops tf, long seed) {
    this(tf, seed, WeightInit.GLOROT, Map.of());
  }

  /**
   * Variables for graph {@code tf}, whose layers draw their initial values as {@code init} says.
   */
  public VariableStore(Ops tf, long seed, WeightInit init) {
    this(tf, seed, init, Map.of());
  }

  /**
   * As {@link #VariableStore(Ops, long, WeightInit)}, with connection masks.
   *
   * @param masks 0/1 masks [rows][columns] by variable name ("fc1/kernel"), each of its variable's
   *     2-D shape: the value is read as variable ⊙ mask
   */
  public VariableStore(Ops tf, long seed, WeightInit init, Map<String, float[][]> masks) {
    this.tf = tf;
    this.seed = seed;
    this.init = init;
    this.masks = Map.copyOf(masks);
  }

  /** How the layers of this store draw their kernels and biases. */
  public WeightInit init() {
    return init;
  }

  /**
   * The value of variable {@code name}, created with {@code shape} and {@code initializer} on first
   * use. The value is read through {@code tf.identity}: gradients through raw variable outputs
   * crash or throw in TF Java.
   */
  public Operand<TFloat32> get(String name, Shape shape, Kind kind, Initializer initializer) {
    return masked(name, tf.identity(variable(name, shape, kind, initializer)));
  }

  /**
   * The value of the existing variable {@code name}, read as {@link #get} reads it: for a layer
   * that asks for its own weights after building (a dense kernel as the outgoing weights of the
   * BEAN layer before it).
   *
   * @throws IllegalStateException if no variable {@code name} was created
   */
  public Operand<TFloat32> read(String name) {
    Entry existing = entries.get(name);
    if (existing == null) {
      throw new IllegalStateException(
          "no variable " + name + " (a layer reads its weights after it is applied)");
    }
    return masked(name, tf.identity(existing.variable()));
  }

  private Operand<TFloat32> masked(String name, Operand<TFloat32> value) {
    return mask(tf, maskConstants.get(name), value);
  }

  /**
   * {@code value} where {@code keep}, else +0 (a product with the mask would give -0 for a negative
   * weight); its gradient is zero where the mask is.
   */
  private static Operand<TFloat32> mask(Ops tf, Operand<TBool> keep, Operand<TFloat32> value) {
    return keep == null ? value : tf.select(keep, value, tf.zerosLike(value));
  }

  /**
   * Ops that set the masked entries of every masked variable to +0, reading it in {@code after}'s
   * scope (give it the control dependencies the reads must wait for): what keeps the removed
   * connections at exactly zero after an optimiser step moved them (Adam's moments restored from a
   * checkpoint move a weight whose gradient is zero).
   *
   * @throws IllegalStateException if a mask names a variable the model did not create
   */
  public List<Op> maskAssignments(Ops after) {
    List<Op> assignments = new ArrayList<>();
    for (String name : masks.keySet()) {
      Entry entry = entries.get(name);
      if (entry == null) {
        throw new IllegalStateException("a mask for " + name + ", which the model does not have");
      }
      Variable<TFloat32> variable = entry.variable();
      assignments.add(
          after.assign(variable, mask(after, maskConstants.get(name), after.identity(variable))));
    }
    return assignments;
  }

  /** The variable itself (for assignments), created on first use. */
  public Variable<TFloat32> variable(String name, Shape shape, Kind kind, Initializer initializer) {
    Entry existing = entries.get(name);
    if (existing != null) {
      if (!existing.variable().shape().equals(shape)) {
        throw new IllegalStateException(
            "variable "
                + name
                + " exists with shape "
                + existing.variable().shape()
                + ", asked for "
                + shape);
      }
      return existing.variable();
    }
    Variable<TFloat32> variable = OpNames.named(tf, name).variable(shape, TFloat32.class);
    float[][] mask = masks.get(name);
    if (mask != null) {
      if (!Shape.of(mask.length, mask[0].length).equals(shape)) {
        throw new IllegalStateException(
            "mask of "
                + name
                + " is "
                + mask.length
                + "x"
                + mask[0].length
                + ", the variable "
                + shape);
      }
      boolean[][] keep = new boolean[mask.length][mask[0].length];
      for (int i = 0; i < keep.length; i++) {
        for (int j = 0; j < keep[i].length; j++) {
          keep[i][j] = mask[i][j] != 0;
        }
      }
      // not "fc1/kernel_mask": a second sub-scope "fc1" would rename the layer's next variable
      maskConstants.put(name, tf.withName("mask_" + name.replace('/', '_')).constant(keep));
    }
    long derived = Seeds.derive(seed, "init:" + name);
    Operand<TFloat32> initial =
        initializer.create(tf, shape, tf.constant(new long[] {derived, seed}));
    entries.put(name, new Entry(name, variable, kind, tf.assign(variable, initial)));
    return variable;
  }

  /** Every variable, in creation order. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries.values()));
  }

  /** The variables the optimiser updates, in creation order. */
  public List<Entry> trainables() {
    return entries.values().stream().filter(e -> e.kind().trainable()).toList();
  }

  /** The ops that give every variable its initial value. */
  public List<Op> initializers() {
    return entries.values().stream().map(Entry::initializer).toList();
  }
}
