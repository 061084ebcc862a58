package org.computecap.figures;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A CSV table for machines, one row per record, written with jackson-dataformat-csv (so a name with
 * a comma or a quote is quoted the standard way). Every measured column names its unit in its last
 * word ({@code clearing_price_cents}, {@code compliance_share}, a rate such as {@code
 * b_utils_per_unit}); the builder refuses one that does not, so a new column cannot forget it. Key
 * columns (identifiers, labels, a scenario's field paths) carry no unit. Money is integer cents
 * ({@code _cents}); numbers are written in full precision without exponents; a non-finite value is
 * an empty cell.
 *
 * <pre>{@code
 * CsvTable<PeriodResult> periods = CsvTable.<PeriodResult>of()
 *     .key("period", PeriodResult::period)
 *     .number("clearing_price_cents", PeriodResult::clearingPrice)
 *     .whole("audits_count", PeriodResult::audits);
 * periods.write(dir.resolve("periods.csv"), rows);
 * }</pre>
 */
public final class CsvTable<T> {
  /**
   * The units a measured column may end with. {@code _units} is compute in the scenario's own unit
   * of compute; {@code _utils} is benefit in its utility unit; {@code _ppm} parts per million.
   */
  public static final List<String> UNITS =
      List.of(
          "cents", "dollars", "permits", "share", "ratio", "count", "units", "mwh", "utils", "ppm",
          "seconds", "period", "seed");

  // Without the strict check jackson quotes every value longer than 24 characters.
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private record Column<T>(String name, Function<T, String> cell) {}

  /**
   * A measured column as a number rather than its text, for code that derives values from the same
   * table a CSV is written with (an experiment's per-row metrics), so a new column reaches both.
   *
   * @param name the column's name, ending with its unit
   * @param whole whether it is a whole number ({@link #whole}) rather than a real one
   * @param value the column's value for a row (a whole number as a double)
   */
  public record Measure<T>(String name, boolean whole, ToDoubleFunction<T> value) {}

  private final List<Column<T>> columns = new ArrayList<>();
  private final List<Measure<T>> measures = new ArrayList<>();

  private CsvTable() {}

  public static <T> CsvTable<T> of() {
    return new CsvTable<>();
  }

  /** An identifier or label column, e.g. {@code period}, {@code name}, {@code size_class}. */
  public CsvTable<T> key(String name, Function<T, ?> value) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_.]*")) {
      throw new IllegalArgumentException("column " + name + ": letters, digits, _ and . only");
    }
    return add(name, r -> String.valueOf(value.apply(r)));
  }

  /** A measured real number; its name ends with its unit. */
  public CsvTable<T> number(String name, ToDoubleFunction<T> value) {
    add(measured(name), r -> plain(value.applyAsDouble(r)));
    measures.add(new Measure<>(name, false, value));
    return this;
  }

  /** A measured whole number (integer cents, permits, counts); its name ends with its unit. */
  public CsvTable<T> whole(String name, ToLongFunction<T> value) {
    add(measured(name), r -> Long.toString(value.applyAsLong(r)));
    measures.add(new Measure<>(name, true, r -> (double) value.applyAsLong(r)));
    return this;
  }

  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }

  /** The measured columns (not the keys), in the table's order. */
  public List<Measure<T>> measures() {
    return List.copyOf(measures);
  }

  /** The table as CSV text: the header line, then one line per row. */
  public String text(List<T> rows) {
    StringWriter out = new StringWriter();
    try (Rows<T> w = new Rows<>(this, out)) {
      rows.forEach(w::write);
    }
    return out.toString();
  }

  public Path write(Path file, List<T> rows) throws IOException {
    Files.writeString(file, text(rows), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Opens {@code file} (replacing it) to write rows one at a time as a run produces them, so a long
   * run keeps none in memory: the header now, one line per {@link Rows#write}. Close it.
   */
  public Rows<T> open(Path file) throws IOException {
    return new Rows<>(this, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /** Rows written one at a time to an open file; see {@link #open}. */
  public static final class Rows<T> implements AutoCloseable {
    private final CsvTable<T> table;
    private final SequenceWriter out;

    private Rows(CsvTable<T> table, Writer writer) {
      this.table = table;
      try {
        this.out =
            MAPPER
                .writerFor(String[].class)
                .with(CsvSchema.builder().setUseHeader(false).build())
                .writeValues(writer);
        out.write(table.header().toArray(String[]::new));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void write(T row) {
      String[] cells = new String[table.columns.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = table.columns.get(c).cell().apply(row);
      }
      try {
        out.write(cells);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a row", e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the table", e);
      }
    }
  }

  private CsvTable<T> add(String name, Function<T, String> cell) {
    if (header().contains(name)) {
      throw new IllegalArgumentException("column " + name + " appears twice");
    }
    columns.add(new Column<>(name, cell));
    return this;
  }

  /**
   * A measured column's name: snake_case, ending with its unit ({@code penalties_cents}), maybe a
   * rate of it ({@code price_utils_per_unit}), or the unit alone ({@code permits}).
   */
  private static String measured(String name) {
    if (!name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
      throw new IllegalArgumentException("column " + name + " must be snake_case");
    }
    String unitPart = name.replaceFirst("_per_[a-z0-9]+$", "");
    String unit = unitPart.substring(unitPart.lastIndexOf('_') + 1);
    if (!UNITS.contains(unit)) {
      throw new IllegalArgumentException(
          "column " + name + " must end with its unit, one of _" + String.join(", _", UNITS));
    }
    return name;
  }

  /** Full precision, no exponent, no trailing zeros; empty for a non-finite value. */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
