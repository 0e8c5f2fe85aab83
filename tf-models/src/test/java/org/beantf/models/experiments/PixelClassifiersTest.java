package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.beantf.data.ImageSet;
import org.junit.jupiter.api.Test;

/** kNN and kernel ridge against direct computations of their definitions on small random images. */
class PixelClassifiersTest {
  private static final int SIDE = 3;

  private static ImageSet randomImages(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[count * SIDE * SIDE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
      for (int p = 0; p < SIDE * SIDE; p++) {
        pixels[i * SIDE * SIDE + p] = (float) random.nextDouble();
      }
    }
    return new ImageSet(pixels, labels, SIDE, SIDE, 1);
  }

  private static double[] pixels(ImageSet images, int index) {
    float[] buffer = new float[images.imageSize()];
    images.copyImage(index, buffer, 0);
    double[] row = new double[buffer.length];
    for (int p = 0; p < row.length; p++) {
      row[p] = buffer[p];
    }
    return row;
  }

  private static double distance2(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.pow(a[i] - b[i], 2);
    }
    return sum;
  }

  @Test
  void nearestNeighbourTakesTheLabelOfTheClosestShot() {
    ImageSet train = randomImages(40, 1);
    ImageSet test = randomImages(50, 2);
    int[] shots = {3, 7, 12, 18, 21, 25, 30, 34, 36, 39};
    NearestNeighbour knn = new NearestNeighbour(train, shots);
    int right = 0;
    for (int t = 0; t < test.size(); t++) {
      double[] x = pixels(test, t);
      int closest = shots[0];
      for (int shot : shots) {
        if (distance2(x, pixels(train, shot)) < distance2(x, pixels(train, closest))) {
          closest = shot;
        }
      }
      assertEquals(train.label(closest), knn.classify(x));
      right += train.label(closest) == test.label(t) ? 1 : 0;
    }
    assertEquals((double) right / test.size(), knn.accuracy(test), 1e-15);
  }

  @Test
  void kernelRidgeSolvesTheRegularisedSystem() {
    ImageSet train = randomImages(30, 3);
    int[] shots = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    double lambda = 1e-3;
    KernelRidge ridge = new KernelRidge(train, shots, 10, lambda);

    int n = shots.length;
    double[] pairs = new double[n * (n - 1) / 2];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        pairs[p++] = distance2(pixels(train, shots[i]), pixels(train, shots[j]));
      }
    }
    Arrays.sort(pairs);
    double m = (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]) / 2; // 190 pairs: even count
    assertEquals(m, ridge.bandwidth(), 1e-12);

    double[][] k = new double[n][n];
    double[][] y = new double[n][10];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i][j] =
            Math.exp(-distance2(pixels(train, shots[i]), pixels(train, shots[j])) / m)
                + (i == j ? lambda : 0);
      }
      y[i][train.label(shots[i])] = 1;
    }
    RealMatrix a =
        new LUDecomposition(new Array2DRowRealMatrix(k))
            .getSolver()
            .solve(new Array2DRowRealMatrix(y));
    ImageSet test = randomImages(5, 4);
    for (int t = 0; t < test.size(); t++) {
      double[] x = pixels(test, t);
      double[] expected = new double[10];
      for (int i = 0; i < n; i++) {
        double kernel = Math.exp(-distance2(x, pixels(train, shots[i])) / m);
        for (int c = 0; c < 10; c++) {
          expected[c] += kernel * a.getEntry(i, c);
        }
      }
      assertArrayEquals(expected, ridge.scores(x), 1e-9);
    }
  }

  @Test
  void kernelRidgeWithASmallRidgeFitsItsShots() {
    ImageSet train = randomImages(20, 5);
    int[] shots = new int[20];
    Arrays.setAll(shots, i -> i);
    KernelRidge ridge = new KernelRidge(train, shots, 10, 1e-6);
    for (int shot : shots) {
      assertEquals(train.label(shot), ridge.classify(pixels(train, shot)));
    }
  }

  @Test
  void theBandwidthIsTheMedianPairwiseDistance() {
    assertEquals(
        4, KernelRidge.medianOffDiagonal(new double[][] {{0, 1, 4}, {1, 0, 9}, {4, 9, 0}}));
    assertEquals(1, KernelRidge.medianOffDiagonal(new double[][] {{0}}));
  }
}
