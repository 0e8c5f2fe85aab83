package org.beantf.models.experiments;

import java.util.List;
import java.util.TreeSet;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;

/**
 * The draws of {@code --draws} (DESIGN.md): {@code N} (draw N alone), {@code A..B} (A to B
 * inclusive), or a comma list of those, whose union is taken: {@code 0..19} is the paper's twenty
 * draws, {@code 3,7} two of them.
 */
public final class DrawRange {
  private DrawRange() {}

  /**
   * The draws {@code text} names, ascending and distinct.
   *
   * @throws BadInputException for anything else, naming the item and the forms expected
   */
  public static List<Integer> parse(String text) {
    TreeSet<Integer> draws = new TreeSet<>();
    for (String item : text.split(",", -1)) {
      String trimmed = item.strip();
      int dots = trimmed.indexOf("..");
      if (dots < 0) {
        draws.add(number(text, trimmed));
      } else {
        int from = number(text, trimmed.substring(0, dots));
        int to = number(text, trimmed.substring(dots + 2));
        if (from > to) {
          throw malformed(text, trimmed, "A..B with A <= B");
        }
        for (int d = from; d <= to; d++) {
          draws.add(d);
        }
      }
    }
    return List.copyOf(draws);
  }

  private static int number(String text, String item) {
    if (!item.matches("\\d{1,6}")) {
      throw malformed(text, item, "N, A..B or a comma list of those, with whole numbers >= 0");
    }
    return Integer.parseInt(item);
  }

  private static BadInputException malformed(String text, String item, String expected) {
    return new InvalidSettingException(
        "draws", text, "'" + item + "' is not valid (expected " + expected + ")");
  }
}
