package org.computecap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computecap.economics.stability.StabilityReserveRule;
import org.computecap.figures.CsvRows;

/**
 * Reads the {@code year,tnac} series of {@code analyze msr --tnac-csv}. It checks only the file's
 * shape and numbers: a header naming exactly the columns {@code year} and {@code tnac} (either
 * order), then one row per year with a whole year (no year twice) and a whole, non-negative number
 * of permits. Every error names the file, the 1-based line (the header is line 1) and the field, so
 * a person can fix the file; nothing is computed from a file that has one.
 */
final class TnacCsv {

  static final List<String> COLUMNS = List.of("year", "tnac");

  /** One row of the series. */
  record Row(long year, long tnacPermits) {}

  private final String name;
  private final Map<String, Integer> columnIndex = new HashMap<>();

  private TnacCsv(Path file) {
    this.name = InputFiles.name(file);
  }

  static List<Row> read(Path file) {
    TnacCsv csv = new TnacCsv(file);
    return csv.parse(CsvRows.read(csv.name, InputFiles.text("--tnac-csv", file)));
  }

  private List<Row> parse(List<CsvRows.Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          name + ": the file is empty; expected the header " + String.join(",", COLUMNS));
    }
    readHeader(rows.get(0));
    List<Row> series = new ArrayList<>();
    Map<Long, Integer> lineOfYear = new HashMap<>();
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != COLUMNS.size()) {
        throw new IllegalArgumentException(
            name
                + " line "
                + row.line()
                + ": expected "
                + COLUMNS.size()
                + " fields (year,tnac), found "
                + row.fields().size());
      }
      long year = whole(row, "year", "is not a whole year");
      Integer first = lineOfYear.putIfAbsent(year, row.line());
      if (first != null) {
        throw fieldError(row, "year", year + " already appears on line " + first);
      }
      long tnac = whole(row, "tnac", "is not a whole number of permits");
      if (tnac < 0 || tnac > StabilityReserveRule.MAX_PERMITS) {
        throw fieldError(
            row,
            "tnac",
            "must be within [0, " + StabilityReserveRule.MAX_PERMITS + "] permits, was " + tnac);
      }
      series.add(new Row(year, tnac));
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException(name + ": no rows after the header line");
    }
    return List.copyOf(series);
  }

  private void readHeader(CsvRows.Row header) {
    List<String> names = header.fields();
    for (int c = 0; c < names.size(); c++) {
      String column = names.get(c).trim();
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException(
            name
                + " line "
                + header.line()
                + ": unknown column '"
                + column
                + "'; the header must be "
                + String.join(",", COLUMNS));
      }
      if (columnIndex.putIfAbsent(column, c) != null) {
        throw new IllegalArgumentException(
            name + " line " + header.line() + ": column '" + column + "' appears twice");
      }
    }
    for (String column : COLUMNS) {
      if (!columnIndex.containsKey(column)) {
        throw new IllegalArgumentException(
            name
                + " line "
                + header.line()
                + ": missing column '"
                + column
                + "'; the header must be "
                + String.join(",", COLUMNS));
      }
    }
  }

  /** A field holding a whole number: digits with an optional sign, nothing else. */
  private long whole(CsvRows.Row row, String column, String problem) {
    String text = row.fields().get(columnIndex.get(column)).trim();
    if (text.isEmpty()) {
      throw fieldError(row, column, "is empty");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fieldError(row, column, "'" + text + "' " + problem);
    }
  }

  private IllegalArgumentException fieldError(CsvRows.Row row, String column, String problem) {
    return new IllegalArgumentException(
        name + " line " + row.line() + ", field " + column + ": " + problem);
  }
}
