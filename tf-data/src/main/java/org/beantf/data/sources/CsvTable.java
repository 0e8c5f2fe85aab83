package org.beantf.data.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.beantf.data.BadInputException;
import org.beantf.data.DataFormatException;

/**
 * A CSV table (RFC 4180, UTF-8, parsed by Jackson's CSV module): a header row naming the columns,
 * numeric feature columns and one label column, whose values are class names or integer labels.
 *
 * @param features S rows of F float32 values, row-major
 * @param featureNames the F feature columns, in file order
 * @param labels S labels as the file spells them (stripped)
 * @param lines the file line each row starts on, for messages
 */
record CsvTable(
    Path file,
    float[] features,
    List<String> featureNames,
    String labelColumn,
    List<String> labels,
    int[] lines) {
  /** A decimal number, as a table holds one: 3, -0.5, .25, 1e-3, 6.02E+23. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** NaN and the infinities as spreadsheets and NumPy write them. */
  private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .build();

  /** The number of rows. */
  int rows() {
    return labels.size();
  }

  /**
   * Reads {@code file}.
   *
   * @param labelColumn the label column's name, or null for the last column
   * @param ignored columns that are neither features nor the label
   * @throws BadInputException naming the file, line and column of a ragged row, a missing or
   *     non-numeric feature, a value outside float32's range or a missing label; or a label or
   *     ignored column the header does not name
   */
  static CsvTable read(Path file, String labelColumn, List<String> ignored) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = iterator(reader)) {
      if (!rows.hasNextValue()) {
        throw new DataFormatException(file, "empty (expected a header row and data rows)");
      }
      String[] header = header(rows.nextValue());
      int label = labelIndex(file, header, labelColumn);
      for (String name : ignored) {
        if (!Arrays.asList(header).contains(name)) {
          throw new DataFormatException(
              file,
              "no column '"
                  + name
                  + "' (expected --ignore-columns to name some of: "
                  + String.join(", ", header)
                  + ")");
        }
      }
      boolean[] feature = new boolean[header.length];
      List<String> names = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        feature[c] = c != label && !ignored.contains(header[c]);
        if (feature[c]) {
          names.add(header[c]);
        }
      }
      if (names.isEmpty()) {
        throw new DataFormatException(
            file, "only the label column '" + header[label] + "' (expected feature columns too)");
      }
      FloatRows values = new FloatRows(names.size());
      List<String> labels = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      float[] row = new float[names.size()];
      while (true) {
        int line = rows.getCurrentLocation().getLineNr();
        if (!rows.hasNextValue()) {
          break;
        }
        String[] cells = rows.nextValue();
        requireColumns(file, line, cells.length, header.length);
        for (int c = 0, f = 0; c < cells.length; c++) {
          if (feature[c]) {
            row[f++] = number(file, line, header[c], cells[c]);
          }
        }
        if (cells[label].isEmpty()) {
          throw new DataFormatException(
              file, "line " + line + ", column '" + header[label] + "': no label");
        }
        values.add(row);
        labels.add(cells[label]);
        lines.add(line);
      }
      if (labels.isEmpty()) {
        throw new DataFormatException(file, "a header but no data rows");
      }
      return new CsvTable(
          file,
          values.toArray(),
          names,
          header[label],
          labels,
          lines.stream().mapToInt(Integer::intValue).toArray());
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file (expected a CSV table)");
    } catch (CharacterCodingException e) {
      throw new DataFormatException(file, "not UTF-8 text (expected a UTF-8 CSV table)");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * The header row's names, without the byte-order mark some editors write first (U+FEFF would
   * otherwise make the first column's name differ from the one typed).
   */
  static String[] header(String[] cells) {
    if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
      cells[0] = cells[0].substring(1).strip();
    }
    return cells;
  }

  /** Rows of cells (RFC 4180; blank lines skipped, cells stripped), the header first. */
  static MappingIterator<String[]> iterator(Reader reader) throws IOException {
    return MAPPER.readerFor(String[].class).readValues(reader);
  }

  /**
   * @throws DataFormatException naming the line of a row whose number of cells is not the header's
   */
  static void requireColumns(Path file, int line, int cells, int header) {
    if (cells != header) {
      throw new DataFormatException(
          file,
          "line " + line + " has " + cells + " columns (expected " + header + ", as the header)");
    }
  }

  /** The one line for a file the CSV parser or the OS cannot read. */
  static BadInputException unreadable(Path file, IOException e) {
    if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
      return new DataFormatException(
          file,
          "line "
              + parse.getLocation().getLineNr()
              + ": cannot be read as CSV ("
              + parse.getOriginalMessage().lines().findFirst().orElse("")
              + ")");
    }
    String reason =
        e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    return new DataFormatException(file, "cannot be read as CSV (" + reason + ")");
  }

  private static int labelIndex(Path file, String[] header, String labelColumn) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (name.isEmpty()) {
        throw new DataFormatException(
            file, "line 1: an empty column name (expected a header row naming every column)");
      }
      if (!seen.add(name)) {
        throw new DataFormatException(
            file, "line 1: column '" + name + "' twice (expected distinct column names)");
      }
    }
    if (labelColumn == null) {
      return header.length - 1;
    }
    for (int c = 0; c < header.length; c++) {
      if (header[c].equals(labelColumn)) {
        return c;
      }
    }
    throw new DataFormatException(
        file,
        "no column '"
            + labelColumn
            + "' (expected --label-column to name one of: "
            + String.join(", ", header)
            + ")");
  }

  /**
   * A cell as a float32 feature, refused when missing, not a decimal number (Java's {@code 1f},
   * {@code 0x1p3} are not), not finite or outside float32.
   */
  static float number(Path file, int line, String column, String cell) {
    String where = "line " + line + ", column '" + column + "': ";
    if (cell.isEmpty()) {
      throw new DataFormatException(file, where + "missing value (expected a number)");
    }
    if (NOT_FINITE.matcher(cell).matches()) {
      throw new DataFormatException(
          file, where + "'" + cell + "' is not finite (expected a finite number)");
    }
    double value;
    try {
      if (!DECIMAL.matcher(cell).matches()) {
        throw new NumberFormatException(cell);
      }
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new DataFormatException(
          file, where + "'" + cell + "' is not a number (expected a numeric feature)");
    }
    if (!Double.isFinite(value)) {
      throw new DataFormatException(
          file, where + "'" + cell + "' is not finite (expected a finite number)");
    }
    float rounded = (float) value;
    if (Float.isInfinite(rounded)) {
      throw new DataFormatException(
          file, where + cell + " is outside float32's range (±3.4e38; BEAN computes in float32)");
    }
    return rounded;
  }

  /** Rows of floats appended to a growing array. */
  private static final class FloatRows {
    private final int width;
    private float[] data = new float[1024];
    private int size;

    FloatRows(int width) {
      this.width = width;
    }

    void add(float[] row) {
      if (size + width > data.length) {
        data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + width));
      }
      System.arraycopy(row, 0, data, size, width);
      size += width;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
