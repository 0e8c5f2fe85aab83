package org.beantf.bean;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A layer that BEAN regularizes, as a model declares it: the activations H it produces (S×N) and
 * its outgoing weights W (N×M, the next dense kernel), named after the layer that produces H
 * ({@code [a-z0-9_]} only).
 */
public record BeanLayer<T extends TFloating>(
    String name, Operand<T> activations, Operand<T> outgoingWeights) {

  public BeanLayer {
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("BEAN layer name '" + name + "' must match [a-z0-9_]+");
    }
    long n = activations.shape().numDimensions() == 2 ? activations.shape().get(1) : -1;
    if (outgoingWeights.shape().numDimensions() != 2
        || n < 0
        || outgoingWeights.shape().get(0) != n) {
      throw new IllegalArgumentException(
          "BEAN layer '"
              + name
              + "': activations "
              + activations.shape()
              + " and outgoing weights "
              + outgoingWeights.shape()
              + " do not match (expected [S, N] and [N, M])");
    }
  }

  /** N, the neurons of this layer. */
  public long neurons() {
    return outgoingWeights.shape().get(0);
  }

  /** M, the neurons of the next layer. */
  public long outgoing() {
    return outgoingWeights.shape().get(1);
  }
}
