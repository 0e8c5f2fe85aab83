package org.beantf.models.train;

import java.util.List;

/**
 * What a finished run measured (also written to report.json).
 *
 * @param testAccuracy the kept weights' accuracy on the test set, a fraction
 * @param perClassAccuracy [classes] each class's test accuracy (NaN for a class without test
 *     images)
 * @param confusion [classes][classes] test examples of class t (row) predicted as p (column)
 * @param finalTrainLoss the last epoch's mean training loss (cross-entropy + regularizers)
 * @param epochs the epochs trained
 * @param history every epoch's metrics
 */
public record TrainingOutcome(
    double testAccuracy,
    double[] perClassAccuracy,
    int[][] confusion,
    double finalTrainLoss,
    int epochs,
    List<EpochMetrics> history) {}
