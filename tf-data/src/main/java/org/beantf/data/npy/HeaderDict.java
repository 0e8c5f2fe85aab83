package org.beantf.data.npy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the dict literal of an NPY header: the part of Python literal syntax that NumPy writes
 * (strings, ints, {@code True}/{@code False}/{@code None}, tuples, lists and dicts), with any
 * spacing and trailing commas.
 *
 * <p>Values come back as {@link String}, {@link Long}, {@link Boolean}, {@code null}, {@code
 * List<Object>} (tuples and lists alike) and {@code Map<String, Entry>}.
 */
final class HeaderDict {
  private static final int END = -1;

  /**
   * One top-level entry of the dict.
   *
   * @param value the parsed value
   * @param source the value as written in the file, for error messages
   * @param offset the file offset where the value starts
   */
  record Entry(Object value, String source, long offset) {}

  private final Path file;
  private final String text;
  private final long base;
  private int pos;

  private HeaderDict(Path file, String text, long base) {
    this.file = file;
    this.text = text;
    this.base = base;
  }

  /**
   * Parses {@code text}, which starts at file offset {@code base}; only whitespace may follow the
   * dict.
   *
   * <p>Offsets in messages count characters, which are bytes except after non-ASCII text in a
   * version 3.0 header.
   *
   * @throws NpyFormatException naming the offset of the first character that does not fit
   */
  static Map<String, Entry> parse(Path file, String text, long base) {
    HeaderDict parser = new HeaderDict(file, text, base);
    parser.skipSpace();
    parser.expect('{');
    Map<String, Entry> dict = parser.dictBody();
    parser.skipSpace();
    if (parser.peek() != END) {
      throw parser.error("expected the end of the header after the dict");
    }
    return dict;
  }

  /** The rest of a dict whose '{' has been consumed. */
  private Map<String, Entry> dictBody() {
    Map<String, Entry> out = new LinkedHashMap<>();
    skipSpace();
    while (peek() != '}') {
      if (peek() != '\'' && peek() != '"') {
        throw error("expected a quoted key or '}'");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      int start = pos;
      Object value = value();
      out.put(key, new Entry(value, text.substring(start, pos), base + start));
      separatorBefore('}');
    }
    pos++;
    return out;
  }

  private Object value() {
    int c = peek();
    if (c == '\'' || c == '"') {
      return string();
    }
    if (c >= '0' && c <= '9') {
      return integer();
    }
    if (Character.isLetter(c)) {
      return word();
    }
    if (c == '(' || c == '[') {
      pos++;
      return sequence(c == '(' ? ')' : ']');
    }
    if (c == '{') {
      pos++;
      return dictBody();
    }
    throw error("expected a value");
  }

  /** The rest of a tuple or list whose opening bracket has been consumed. */
  private List<Object> sequence(char close) {
    List<Object> out = new ArrayList<>();
    skipSpace();
    while (peek() != close) {
      out.add(value());
      separatorBefore(close);
    }
    pos++;
    return out;
  }

  /**
   * After an item: either ',' (then spaces) or the closing bracket, which is left for the caller.
   */
  private void separatorBefore(char close) {
    skipSpace();
    if (peek() == ',') {
      pos++;
      skipSpace();
    } else if (peek() != close) {
      throw error("expected ',' or '" + close + "'");
    }
  }

  private String string() {
    int start = pos;
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (peek() != quote) {
      if (peek() == END) {
        pos = start;
        throw error("unterminated string");
      }
      // A backslash keeps the next character literally: enough for the quotes and backslashes
      // repr() escapes.
      if (peek() == '\\' && pos + 1 < text.length()) {
        pos++;
      }
      out.append(text.charAt(pos++));
    }
    pos++;
    return out.toString();
  }

  private Long integer() {
    int start = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    String digits = text.substring(start, pos);
    // Python 2 wrote long integers with an L suffix.
    if (peek() == 'L' || peek() == 'l') {
      pos++;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("integer " + digits + " is too large");
    }
  }

  private Boolean word() {
    int start = pos;
    while (Character.isLetterOrDigit(peek()) || peek() == '_') {
      pos++;
    }
    switch (text.substring(start, pos)) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        pos = start;
        throw error("expected a value");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') {
      pos++;
    }
  }

  private int peek() {
    return pos < text.length() ? text.charAt(pos) : END;
  }

  private NpyFormatException error(String expected) {
    int c = peek();
    String found = c == END ? "the end of the header" : quote((char) c);
    return new NpyFormatException(
        file, "bad header at offset " + (base + pos) + ": " + expected + ", found " + found);
  }

  private static String quote(char c) {
    return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("'\\x%02x'", (int) c);
  }
}
