package org.beantf.models.experiments;

import org.beantf.data.ImageSet;

/**
 * 1-nearest-neighbour on raw pixels (Euclidean): a test image takes the label of its closest shot.
 */
public final class NearestNeighbour {
  private final double[][] shots;
  private final int[] labels;

  /** Remembers the images at {@code shots} of {@code train}. */
  public NearestNeighbour(ImageSet train, int[] shots) {
    this.shots = PixelDistances.rows(train, shots);
    this.labels = new int[shots.length];
    for (int i = 0; i < shots.length; i++) {
      labels[i] = train.label(shots[i]);
    }
  }

  /** The label of the closest shot; of equally close shots, the first. */
  public int classify(double[] image) {
    double[] distances = PixelDistances.toEach(image, shots);
    int best = 0;
    for (int j = 1; j < distances.length; j++) {
      if (distances[j] < distances[best]) {
        best = j;
      }
    }
    return labels[best];
  }

  /** The fraction of {@code test} classified right. */
  public double accuracy(ImageSet test) {
    return PixelClassifier.accuracy(test, this::classify);
  }
}
