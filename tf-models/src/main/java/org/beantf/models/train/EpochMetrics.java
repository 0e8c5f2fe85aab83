package org.beantf.models.train;

/**
 * One line of metrics.jsonl: the means over an epoch's training steps, then accuracies after it
 * (fractions).
 *
 * @param validationAccuracy null without a validation split
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainCe,
    double trainReg,
    double trainAccuracy,
    Double validationAccuracy,
    double testAccuracy,
    double seconds) {}
