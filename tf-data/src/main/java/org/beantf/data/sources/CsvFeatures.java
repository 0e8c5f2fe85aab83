package org.beantf.data.sources;

import com.fasterxml.jackson.databind.MappingIterator;
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
import org.beantf.data.BadInputException;
import org.beantf.data.DataFormatException;

/**
 * The rows of a CSV table to predict: the columns a model was trained on, matched by name in any
 * order; other columns (the label, an id) are ignored.
 *
 * @param values {@code lines.length} rows of the model's features, row-major, in the model's order
 * @param lines the file line each row starts on ("FILE:line" names a prediction's source)
 */
public record CsvFeatures(float[] values, int[] lines) {

  /** The number of rows. */
  public int rows() {
    return lines.length;
  }

  /**
   * Reads the columns {@code features} of {@code file}.
   *
   * @throws BadInputException naming a feature column the header lacks, or the line and column of a
   *     ragged row or a value that is missing, not a number or outside float32's range
   */
  public static CsvFeatures read(Path file, List<String> features) {
    return read(file, features, 0);
  }

  /**
   * Reads every column of {@code file}, in order, for a model without feature names (one trained on
   * arrays): the header must have {@code count} columns.
   *
   * @throws BadInputException for another number of columns, or a row as {@link #read}
   */
  public static CsvFeatures readAll(Path file, int count) {
    return read(file, null, count);
  }

  private static CsvFeatures read(Path file, List<String> named, int count) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = CsvTable.iterator(reader)) {
      if (!rows.hasNextValue()) {
        throw new DataFormatException(file, "empty (expected a header row and data rows)");
      }
      List<String> header = Arrays.asList(CsvTable.header(rows.nextValue()));
      Set<String> seen = new HashSet<>();
      for (String name : header) {
        if (!seen.add(name)) {
          throw new DataFormatException(
              file, "line 1: column '" + name + "' twice (expected distinct column names)");
        }
      }
      List<String> features = named != null ? named : header;
      if (named == null && header.size() != count) {
        throw new DataFormatException(
            file,
            "line 1 has "
                + header.size()
                + " columns (expected the model's "
                + count
                + " features, in order: it was trained on arrays, whose columns have no names)");
      }
      int[] columns = new int[features.size()];
      for (int f = 0; f < features.size(); f++) {
        columns[f] = header.indexOf(features.get(f));
        if (columns[f] < 0) {
          throw new DataFormatException(
              file,
              "no column '"
                  + features.get(f)
                  + "' (expected the model's feature columns: "
                  + String.join(", ", features)
                  + ")");
        }
      }
      List<float[]> values = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      while (true) {
        int line = rows.getCurrentLocation().getLineNr();
        if (!rows.hasNextValue()) {
          break;
        }
        String[] cells = rows.nextValue();
        CsvTable.requireColumns(file, line, cells.length, header.size());
        float[] row = new float[columns.length];
        for (int f = 0; f < columns.length; f++) {
          row[f] = CsvTable.number(file, line, features.get(f), cells[columns[f]]);
        }
        values.add(row);
        lines.add(line);
      }
      if (values.isEmpty()) {
        throw new DataFormatException(file, "a header but no data rows");
      }
      float[] flat = new float[values.size() * columns.length];
      for (int r = 0; r < values.size(); r++) {
        System.arraycopy(values.get(r), 0, flat, r * columns.length, columns.length);
      }
      return new CsvFeatures(flat, lines.stream().mapToInt(Integer::intValue).toArray());
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file (expected a CSV table)");
    } catch (CharacterCodingException e) {
      throw new DataFormatException(file, "not UTF-8 text (expected a UTF-8 CSV table)");
    } catch (IOException e) {
      throw CsvTable.unreadable(file, e);
    }
  }
}
