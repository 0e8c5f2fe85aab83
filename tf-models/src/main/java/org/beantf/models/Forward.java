package org.beantf.models;

import java.util.List;
import org.beantf.bean.BeanLayer;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A model's forward pass as built in one graph.
 *
 * @param logits [S, classes]
 * @param beanLayers the layers BEAN regularizes, each with its activations and outgoing weights,
 *     named and ordered as the model's {@link ModelKind#beanLayerNames()}
 */
public record Forward(Operand<TFloat32> logits, List<BeanLayer<TFloat32>> beanLayers) {}
