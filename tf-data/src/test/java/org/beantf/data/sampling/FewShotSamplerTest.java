package org.beantf.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.beantf.data.BadInputException;
import org.junit.jupiter.api.Test;

class FewShotSamplerTest {
  private static final int CLASSES = 10;

  /**
   * 2,000 images; label i % 10 for the first 1,000, then (i / 7) % 10, so classes are not in a
   * simple pattern.
   */
  private static final int[] LABELS =
      IntStream.range(0, 2000).map(i -> i < 1000 ? i % CLASSES : (i / 7) % CLASSES).toArray();

  @Test
  void drawsExactlyKPerClassWithinTheRange() {
    FewShotSampler.FewShot draw = FewShotSampler.sample(LABELS, CLASSES, 5, 200, 700, 0, 1);
    assertEquals(50, draw.shots().length);
    assertEquals(0, draw.validation().length);
    assertTrue(Arrays.stream(draw.shots()).allMatch(i -> i >= 200 && i < 700));
    assertArrayEquals(filledWith(5), perClassCounts(draw.shots()));
    assertStrictlyAscending(draw.shots());
  }

  @Test
  void validationIsPerClassSizedAndDisjointFromTheShots() {
    FewShotSampler.FewShot draw = FewShotSampler.sample(LABELS, CLASSES, 10, 0, 1000, 20, 3);
    assertEquals(200, draw.validation().length);
    assertArrayEquals(filledWith(20), perClassCounts(draw.validation()));
    assertStrictlyAscending(draw.validation());
    Set<Integer> shots = Arrays.stream(draw.shots()).boxed().collect(Collectors.toSet());
    assertTrue(Arrays.stream(draw.validation()).noneMatch(shots::contains));
  }

  @Test
  void validationMayComeFromOutsideTheShotRange() {
    // Class 0 has exactly 3 images in [0, 30): all become shots, so its validation must come from
    // elsewhere.
    FewShotSampler.FewShot draw = FewShotSampler.sample(LABELS, CLASSES, 3, 0, 30, 4, 6);
    assertTrue(Arrays.stream(draw.validation()).filter(i -> LABELS[i] == 0).allMatch(i -> i >= 30));
  }

  @Test
  void sameSeedSameDrawDifferentSeedDifferentDraw() {
    FewShotSampler.FewShot a = FewShotSampler.sample(LABELS, CLASSES, 5, 0, 2000, 5, 42);
    FewShotSampler.FewShot b = FewShotSampler.sample(LABELS, CLASSES, 5, 0, 2000, 5, 42);
    FewShotSampler.FewShot c = FewShotSampler.sample(LABELS, CLASSES, 5, 0, 2000, 5, 43);
    assertArrayEquals(a.shots(), b.shots());
    assertArrayEquals(a.validation(), b.validation());
    assertFalse(Arrays.equals(a.shots(), c.shots()));
    assertFalse(Arrays.equals(a.validation(), c.validation()));
  }

  @Test
  void shotsDoNotDependOnTheValidationRequest() {
    int[] without = FewShotSampler.sample(LABELS, CLASSES, 7, 0, 1000, 0, 12).shots();
    for (int validationPerClass : new int[] {1, 10, 50}) {
      assertArrayEquals(
          without,
          FewShotSampler.sample(LABELS, CLASSES, 7, 0, 1000, validationPerClass, 12).shots());
    }
  }

  @Test
  void shotsForSmallerKAreASubsetOfShotsForLargerK() {
    Set<Integer> ten =
        Arrays.stream(FewShotSampler.sample(LABELS, CLASSES, 10, 0, 2000, 0, 5).shots())
            .boxed()
            .collect(Collectors.toSet());
    assertTrue(
        Arrays.stream(FewShotSampler.sample(LABELS, CLASSES, 3, 0, 2000, 0, 5).shots())
            .allMatch(ten::contains));
  }

  @Test
  void everyCandidateCanBeDrawn() {
    // Class 0 has 10 images in [0, 100); over many seeds each should be drawn as the single shot.
    int[] counts = new int[100];
    for (long seed = 0; seed < 2000; seed++) {
      int[] shots = FewShotSampler.sample(LABELS, CLASSES, 1, 0, 100, 0, seed).shots();
      counts[Arrays.stream(shots).filter(i -> LABELS[i] == 0).findFirst().getAsInt()]++;
    }
    for (int i = 0; i < 100; i += CLASSES) {
      assertTrue(
          counts[i] > 140 && counts[i] < 260, "image " + i + " drawn " + counts[i] + " times");
    }
  }

  @Test
  void tooFewShotCandidatesNamesTheClassCountAndRange() {
    // Class 7 has 12 images in [0, 500); classes 0 to 6 have about 70 each.
    int[] labels = IntStream.range(0, 1000).map(i -> i < 12 || i >= 500 ? 7 : i % 7).toArray();
    NotEnoughExamplesException e =
        assertThrows(
            NotEnoughExamplesException.class,
            () -> FewShotSampler.sample(labels, 8, 30, 0, 500, 0, 1));
    assertEquals(
        "--shots 30: class 7 has only 12 examples in training images [0, 500) (expected at least 30)",
        e.messageFor(p -> "--" + p));
    assertInstanceOf(BadInputException.class, e);
  }

  @Test
  void tooFewValidationCandidatesNamesTheClassAndCounts() {
    // Class 0 has 198 images in all; 15 become shots, leaving 183 for a request of 190.
    NotEnoughExamplesException e =
        assertThrows(
            NotEnoughExamplesException.class,
            () -> FewShotSampler.sample(LABELS, CLASSES, 15, 0, 2000, 190, 1));
    assertEquals(
        "validation 190 per class: class 0 has only 183 examples in training images [0, 2000) besides its 15"
            + " shots (expected at least 190)",
        e.getMessage());
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FewShotSampler.sample(LABELS, CLASSES, 0, 0, 100, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> FewShotSampler.sample(LABELS, CLASSES, 1, 0, 100, -1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> FewShotSampler.sample(LABELS, CLASSES, 1, 50, 40, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> FewShotSampler.sample(LABELS, CLASSES, 1, 0, 2001, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> FewShotSampler.sample(LABELS, 0, 1, 0, 100, 0, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FewShotSampler.sample(new int[] {0, 1, 5}, 3, 1, 0, 3, 0, 1));
    assertEquals("labels[2] = 5 is not a class in [0, 3)", e.getMessage());
  }

  @Test
  void randomSampleIsDistinctSortedSizedAndSeeded() {
    int[] sample = FewShotSampler.randomSample(2000, 300, 9);
    assertEquals(300, sample.length);
    assertStrictlyAscending(sample);
    assertTrue(Arrays.stream(sample).allMatch(i -> i >= 0 && i < 2000));
    assertArrayEquals(sample, FewShotSampler.randomSample(2000, 300, 9));
    assertFalse(Arrays.equals(sample, FewShotSampler.randomSample(2000, 300, 10)));
    assertArrayEquals(
        IntStream.range(0, 2000).toArray(), FewShotSampler.randomSample(2000, 2000, 9));
    assertEquals(0, FewShotSampler.randomSample(2000, 0, 9).length);
  }

  @Test
  void randomSampleSizeOutOfRangeIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FewShotSampler.randomSample(10, 11, 1));
    assertEquals("sample size 11 is not in [0, 10]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FewShotSampler.randomSample(10, -1, 1));
  }

  private static int[] perClassCounts(int[] indices) {
    int[] counts = new int[CLASSES];
    for (int i : indices) {
      counts[LABELS[i]]++;
    }
    return counts;
  }

  private static int[] filledWith(int value) {
    int[] values = new int[CLASSES];
    Arrays.fill(values, value);
    return values;
  }

  private static void assertStrictlyAscending(int[] values) {
    for (int i = 1; i < values.length; i++) {
      assertTrue(values[i - 1] < values[i], "not strictly ascending at " + i);
    }
  }
}
