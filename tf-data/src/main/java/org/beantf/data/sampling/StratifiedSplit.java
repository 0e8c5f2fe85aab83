package org.beantf.data.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beantf.data.InvalidSettingException;

/**
 * A seeded, stratified train/test split (scikit-learn's {@code train_test_split(stratify=y)}): each
 * class gives round(n_c · F) of its n_c examples to the test set, drawn by a seeded permutation;
 * both parts keep the source's order.
 *
 * @param train indices of the training examples, ascending
 * @param test indices of the test examples, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

  /**
   * Splits {@code labels} (0..names.size()-1).
   *
   * @param fraction the test fraction, 0 < F < 1
   * @param names the class names, to name a class the split would leave empty
   * @throws InvalidSettingException ("test-split") if a class would have no test or no training
   *     example
   */
  public static StratifiedSplit of(int[] labels, List<String> names, double fraction, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    boolean[] inTest = new boolean[labels.length];
    int testCount = 0;
    for (int c = 0; c < names.size(); c++) {
      int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
      int take = (int) Math.round(members.length * fraction);
      if (take < 1 || take >= members.length) {
        throw new InvalidSettingException(
            "test-split",
            fraction,
            String.format(
                Locale.ROOT,
                "class '%s' has %d example%s, so the split leaves it without %s examples"
                    + " (expected every class in both sets: give it more examples or change F)",
                names.get(c),
                members.length,
                members.length == 1 ? "" : "s",
                take < 1 ? "test" : "training"));
      }
      int[] drawn = Permutations.shuffled(members, Seeds.derive(seed, "test-split", c));
      for (int k = 0; k < take; k++) {
        inTest[drawn[k]] = true;
      }
      testCount += take;
    }
    int[] train = new int[labels.length - testCount];
    int[] test = new int[testCount];
    int a = 0;
    int b = 0;
    for (int i = 0; i < labels.length; i++) {
      if (inTest[i]) {
        test[b++] = i;
      } else {
        train[a++] = i;
      }
    }
    return new StratifiedSplit(train, test);
  }
}
