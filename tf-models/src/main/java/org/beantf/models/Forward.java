package org.beantf.models;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A model's forward pass as built in one graph.
 *
 * @param logits [S, classes]
 * @param beanLayers the layers BEAN regularizes, each with its activations and outgoing weights (DESIGN.md's table)
 * @param denseLayers the names of the fully connected layers, whose kernels and biases the ℓ1 penalty sums
 */
public record Forward(Operand<TFloat32> logits, List<BeanLayer<TFloat32>> beanLayers, List<String> denseLayers) {}
