package org.beantf.models.nn;

/**
 * How dense and convolution layers draw their initial weights and biases ({@code --init}).
 *
 * <ul>
 *   <li>{@link #GLOROT}, the default: Keras's choices. Dense kernels Glorot-uniform U(±√(6 /
 *       (fan_in + fan_out))), convolution kernels He-normal, biases zero.
 *   <li>{@link #PYTORCH}: PyTorch's defaults for {@code nn.Linear} and {@code nn.Conv2d}, which the
 *       paper's authors trained with: kernels and biases U(±1/√fan_in) (kaiming_uniform with a = √5
 *       gives gain·√(3 / fan_in) = 1/√fan_in), fan_in = inputs of a dense layer, k·k·channels of a
 *       convolution. For the last layer of LeNet-5 (84 → 10) that is ±0.109 against Glorot's
 *       ±0.253, so BEAN's term starts 5-35× weaker at equal α (REFERENCE.md, initialisation).
 * </ul>
 *
 * Batch normalisation starts at scale 1 and offset 0 under both.
 */
public enum WeightInit {
  GLOROT {
    @Override
    public Initializer denseKernel(long fanIn, long units) {
      return Initializer.glorotUniform(fanIn, units);
    }

    @Override
    public Initializer convKernel(long fanIn) {
      return Initializer.heNormal(fanIn);
    }

    @Override
    public Initializer bias(long fanIn) {
      return Initializer.constant(0f);
    }
  },
  PYTORCH {
    @Override
    public Initializer denseKernel(long fanIn, long units) {
      return Initializer.uniform(1 / Math.sqrt(fanIn));
    }

    @Override
    public Initializer convKernel(long fanIn) {
      return Initializer.uniform(1 / Math.sqrt(fanIn));
    }

    @Override
    public Initializer bias(long fanIn) {
      return Initializer.uniform(1 / Math.sqrt(fanIn));
    }
  };

  /** A dense kernel [fanIn, units]. */
  public abstract Initializer denseKernel(long fanIn, long units);

  /** A convolution kernel [k, k, channels, filters], fan_in = k·k·channels. */
  public abstract Initializer convKernel(long fanIn);

  /** The bias of a dense or convolution layer whose kernel has {@code fanIn} inputs per unit. */
  public abstract Initializer bias(long fanIn);

  /** The name {@code --init} and config.json use. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The initialisation {@link #cliName} names, if any. */
  public static java.util.Optional<WeightInit> named(String name) {
    return java.util.Arrays.stream(values()).filter(i -> i.cliName().equals(name)).findFirst();
  }
}
