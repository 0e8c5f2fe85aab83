package org.beantf.models.experiments;

import java.util.List;
import java.util.TreeSet;
import org.beantf.data.BadInputException;

/**
 * The draws of {@code --draws}: {@code N} (the first N draws, 0..N−1), {@code A..B} (A to B inclusive), or a comma
 * list of those, whose union is taken. Draw 7 alone is {@code 7..7}.
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
        int count = number(text, trimmed);
        if (count < 1) {
          throw malformed(text, trimmed, "a count N >= 1");
        }
        for (int d = 0; d < count; d++) {
          draws.add(d);
        }
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
    return new BadInputException("--draws " + text + ": '" + item + "' is not valid (expected " + expected + ")");
  }
}
