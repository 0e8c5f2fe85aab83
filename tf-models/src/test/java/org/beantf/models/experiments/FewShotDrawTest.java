package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.beantf.data.DatasetId;
import org.junit.jupiter.api.Test;

class FewShotDrawTest {
  private static final int[] LABELS = labels(60_000);

  private static int[] labels(int n) {
    int[] labels = new int[n];
    Arrays.setAll(labels, i -> (i * 7) % 10);
    return labels;
  }

  @Test
  void aDrawDependsOnlyOnDatasetShotsAndDraw() {
    FewShotDraw a = FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 5, 3);
    FewShotDraw b = FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 5, 3);
    assertArrayEquals(a.shots(), b.shots());
    assertArrayEquals(a.validation(), b.validation());
    assertEquals(a.networkSeed(), b.networkSeed());
    assertFalse(
        Arrays.equals(
            a.shots(),
            FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 5, 4).shots()));
    assertFalse(
        Arrays.equals(
            a.shots(),
            FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.FASHION_MNIST, LABELS, 5, 3)
                .shots()));
  }

  @Test
  void tuningDrawsHaveSeedsOfTheirOwn() {
    Set<Long> reported = new HashSet<>();
    for (int d = 0; d < 20; d++) {
      reported.add(
          FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 1, d).seed());
    }
    for (int t = 0; t < FewShotGrid.TUNING_DRAWS; t++) {
      assertFalse(
          reported.contains(
              FewShotDraw.tuning(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 1, t).seed()));
    }
  }

  @Test
  void strictValidationIsTenOtherImagesPerClass() {
    FewShotDraw draw = FewShotDraw.reported(FewShotProtocol.STRICT, DatasetId.MNIST, LABELS, 20, 0);
    assertEquals(200, draw.shots().length);
    assertEquals(100, draw.validation().length);
    int[] perClass = new int[10];
    for (int v : draw.validation()) {
      perClass[LABELS[v]]++;
      assertTrue(Arrays.binarySearch(draw.shots(), v) < 0, "validation image " + v + " is a shot");
    }
    assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, perClass);
  }

  @Test
  void authorsShotsComeFromTheFirst50000AndValidationIs10000RandomImages() {
    FewShotDraw draw =
        FewShotDraw.reported(FewShotProtocol.AUTHORS, DatasetId.MNIST, LABELS, 10, 0);
    assertEquals(100, draw.shots().length);
    assertTrue(Arrays.stream(draw.shots()).allMatch(i -> i < 50_000));
    assertEquals(10_000, draw.validation().length);
    assertEquals(10_000, Arrays.stream(draw.validation()).distinct().count());
    assertNotEquals(
        draw.seed(),
        FewShotDraw.reported(FewShotProtocol.AUTHORS, DatasetId.MNIST, LABELS, 10, 1).seed());
  }
}
