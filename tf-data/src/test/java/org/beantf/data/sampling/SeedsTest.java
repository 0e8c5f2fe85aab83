package org.beantf.data.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void matchesValuesComputedIndependentlyFromTheDocumentedDefinition() {
    // Computed by a separate implementation of the pseudo-code in the Seeds class comment.
    assertEquals(5197578548964807871L, Seeds.derive(0, ""));
    assertEquals(-179710688531269838L, Seeds.derive(42, "epoch", 3));
    assertEquals(-2658419784035752121L, Seeds.derive(-1, "shots", 7, -2));
  }

  @Test
  void isAFunctionOfItsInputs() {
    assertEquals(Seeds.derive(7, "shots", 1, 2), Seeds.derive(7, "shots", 1, 2));
    assertEquals(Seeds.random(7, "x", 3).nextLong(), Seeds.random(7, "x", 3).nextLong());
  }

  @Test
  void changingAnyInputChangesTheResult() {
    long base = Seeds.derive(7, "shots", 1, 2);
    assertNotEquals(base, Seeds.derive(8, "shots", 1, 2));
    assertNotEquals(base, Seeds.derive(7, "shot", 1, 2));
    assertNotEquals(base, Seeds.derive(7, "shots", 2, 1));
    assertNotEquals(base, Seeds.derive(7, "shots", 1, 2, 0));
    assertNotEquals(base, Seeds.derive(7, "shots", 1));
  }

  @Test
  void keepsPurposeAndPartsApart() {
    assertNotEquals(Seeds.derive(1, "ab"), Seeds.derive(1, "a", 'b'));
    assertNotEquals(Seeds.derive(1, "a"), Seeds.derive(1, "a", 0));
  }

  @Test
  void givesDistinctSeedsAcrossAGridOfCoordinates() {
    Set<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 10; seed++) {
      for (String purpose : new String[] {"shots", "validation", "epoch"}) {
        for (long part = 0; part < 100; part++) {
          seen.add(Seeds.derive(seed, purpose, part));
        }
      }
    }
    assertEquals(10 * 3 * 100, seen.size());
  }
}
