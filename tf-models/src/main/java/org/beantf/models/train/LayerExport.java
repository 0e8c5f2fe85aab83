package org.beantf.models.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A BEAN layer's outgoing weights and correlation matrices, as ops of the inference pass. */
record LayerExport(String name, Operand<TFloat32> weights, Operand<TFloat32> correlation1,
    Operand<TFloat32> correlation2) {}
