package org.beantf.data.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.beantf.data.BadInputException;
import org.beantf.data.DataFormatException;
import org.beantf.data.DatasetInfo;

/**
 * Class names and label ids: names sorted by code point (Keras's and torchvision's folder
 * convention), integer labels 0..K−1 kept in their order, or a {@code classes.txt} beside the data
 * (one name per line, in label order).
 */
final class ClassNames {
  /** The file of names an npy or idx dataset may carry. */
  static final String FILE = "classes.txt";

  private ClassNames() {}

  /**
   * The names of {@code labels} as a table or folder tree gives them: when every label is an
   * integer, they must be 0..K−1 (kept in that order); otherwise every distinct label is a class,
   * sorted by code point.
   *
   * @param where names the file and line of label {@code i}, for errors
   * @throws BadInputException naming the label that breaks the rule
   */
  static List<String> of(List<String> labels, java.util.function.IntFunction<String> where) {
    TreeSet<String> distinct = new TreeSet<>(labels);
    boolean integers = distinct.stream().allMatch(ClassNames::isInteger);
    if (!integers) {
      return checked(new ArrayList<>(distinct), where.apply(-1));
    }
    int max = -1;
    for (int i = 0; i < labels.size(); i++) {
      int value = Integer.parseInt(labels.get(i));
      if (value < 0 || value >= DatasetInfo.MAX_CLASSES) {
        throw new BadInputException(
            where.apply(i)
                + ": label "
                + value
                + " (expected integer labels 0..K-1, K at most "
                + DatasetInfo.MAX_CLASSES
                + ")");
      }
      max = Math.max(max, value);
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k <= max; k++) {
      if (!distinct.contains(Integer.toString(k))) {
        throw new BadInputException(
            where.apply(-1)
                + ": no example of label "
                + k
                + " (integer labels must be 0.."
                + max
                + ", each used)");
      }
      names.add(Integer.toString(k));
    }
    return checked(names, where.apply(-1));
  }

  /** The label id of each example. */
  static int[] ids(List<String> labels, List<String> names) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int k = 0; k < names.size(); k++) {
      index.put(names.get(k), k);
    }
    return labels.stream().mapToInt(index::get).toArray();
  }

  /**
   * {@code classes.txt} in {@code folder}, or null when there is none.
   *
   * @throws DataFormatException if it names fewer classes than the largest label needs, or a name
   *     twice
   */
  static List<String> fromFile(Path folder, int largestLabel) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> names;
    try {
      names =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    if (names.size() <= largestLabel) {
      throw new DataFormatException(
          file,
          names.size()
              + " class names, but the labels go up to "
              + largestLabel
              + " (expected one name per line for each label 0.."
              + largestLabel
              + ")");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new DataFormatException(
            file, "class name '" + name + "' appears twice (expected distinct names)");
      }
    }
    return checked(names, file.toString());
  }

  /**
   * @throws BadInputException for fewer than 2 or more than {@value DatasetInfo#MAX_CLASSES}
   *     classes
   */
  static List<String> checked(List<String> names, String where) {
    for (String name : names) {
      if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
        throw new BadInputException(
            where
                + ": class name '"
                + name.replace("\r", "\\r").replace("\n", "\\n")
                + "' (expected a name on one line, not blank)");
      }
    }
    if (names.size() < 2) {
      throw new BadInputException(
          where
              + ": "
              + names.size()
              + " class"
              + (names.isEmpty() ? "es" : " ('" + names.get(0) + "')")
              + " (expected at least 2 to classify)");
    }
    if (names.size() > DatasetInfo.MAX_CLASSES) {
      throw new BadInputException(
          where
              + ": "
              + names.size()
              + " classes (expected at most "
              + DatasetInfo.MAX_CLASSES
              + ")");
    }
    return List.copyOf(names);
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
