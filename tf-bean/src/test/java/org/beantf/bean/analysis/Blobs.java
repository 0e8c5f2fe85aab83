package org.beantf.bean.analysis;

import java.util.Random;

/** Isotropic Gaussian blobs around well-separated centres: points whose true clusters are known. */
record Blobs(double[][] points, int[] labels) {

  /**
   * {@code blobs} × {@code perBlob} points in {@code dimensions} dimensions: blob b is centred at
   * {@code spacing} times the b-th unit vector (so centres are spacing·√2 apart) with standard
   * deviation {@code sd} per axis; points are interleaved (point i belongs to blob i mod blobs).
   */
  static Blobs of(int blobs, int perBlob, int dimensions, double spacing, double sd, long seed) {
    Random random = new Random(seed);
    double[][] points = new double[blobs * perBlob][dimensions];
    int[] labels = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      labels[i] = i % blobs;
      for (int d = 0; d < dimensions; d++) {
        points[i][d] = (d == labels[i] ? spacing : 0) + sd * random.nextGaussian();
      }
    }
    return new Blobs(points, labels);
  }
}
