package org.beantf.models.regularizers;

import org.beantf.bean.Normalization;
import org.beantf.models.Forward;
import org.beantf.models.nn.VariableStore;

/**
 * What a penalty is built from: the training pass (its logits and BEAN layers), the model's
 * variables, and the run's batch size, γ and normalisation (which BEAN's loss form and correlations
 * use).
 */
public record PenaltyContext(
    Forward pass,
    VariableStore variables,
    int batchSize,
    double gamma,
    Normalization normalization) {}
