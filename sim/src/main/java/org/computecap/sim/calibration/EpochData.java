package org.computecap.sim.calibration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.computecap.figures.CsvRows;

/**
 * Derives the extract the calibrated scenario is built from out of Epoch AI's raw Notable AI Models
 * CSV (Data: Epoch AI (epochai.org), CC BY 4.0): the training runs of at least {@link #MIN_FLOP}
 * FLOP published from {@link #FROM} to {@link #TO}, both days included.
 *
 * <p>The raw file's fields are quoted and may hold commas and newlines, so it is read with a CSV
 * parser ({@link CsvRows}, jackson-dataformat-csv), by column name. A row without training compute
 * is left out (Epoch has no estimate for it); a compute or date that is present but not a number or
 * a date is an error naming the line and the column, never a silent skip. The extract is sorted by
 * date, then model, so it does not depend on the raw file's order.
 */
public final class EpochData {
  /** The smallest training compute kept, in FLOP (inclusive). */
  public static final double MIN_FLOP = 1e23;

  /** The first publication date kept (inclusive). */
  public static final LocalDate FROM = LocalDate.of(2023, 1, 1);

  /** The last publication date kept (inclusive). */
  public static final LocalDate TO = LocalDate.of(2025, 12, 31);

  static final String MODEL = "Model";
  static final String ORGANIZATION = "Organization";
  static final String DATE = "Publication date";
  static final String DOMAIN = "Domain";
  static final String COMPUTE = "Training compute (FLOP)";
  static final String CATEGORY = "Organization categorization";
  static final String COUNTRY = "Country (of organization)";
  static final String COST = "Training compute cost (2023 USD)";
  static final String FRONTIER = "Frontier model";

  private static final List<String> RAW_COLUMNS =
      List.of(MODEL, ORGANIZATION, DATE, DOMAIN, COMPUTE, CATEGORY, COUNTRY, COST, FRONTIER);

  /** The extract's header, in order. */
  public static final List<String> EXTRACT_COLUMNS =
      List.of(
          "model",
          "organization",
          "organizations",
          "publication_date",
          "domain",
          "country",
          "organization_category",
          "training_compute_flop",
          "training_compute_cost_2023_usd",
          "frontier_model");

  /** What a derivation read and kept: the runs, and how many rows fell to each rule. */
  public record Derivation(
      List<EpochRun> runs, int rows, int noCompute, int belowMin, int outside) {}

  private EpochData() {}

  /**
   * The runs of the raw CSV text that pass the filter.
   *
   * @throws IllegalArgumentException naming {@code source}, the line and the column of a bad field
   */
  public static Derivation derive(String source, String rawCsv) {
    List<CsvRows.Row> rows = CsvRows.read(source, rawCsv);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(source + ": empty, expected Epoch's header");
    }
    Map<String, Integer> at = columns(source, rows.get(0).fields(), RAW_COLUMNS);
    List<EpochRun> kept = new ArrayList<>();
    int noCompute = 0;
    int belowMin = 0;
    int outside = 0;
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      Field f = new Field(source, row, at);
      String compute = f.get(COMPUTE);
      if (compute.isEmpty()) {
        noCompute++;
        continue;
      }
      double flop = f.number(COMPUTE);
      LocalDate date = f.date(DATE);
      if (!(flop >= MIN_FLOP)) {
        belowMin++;
      } else if (date.isBefore(FROM) || date.isAfter(TO)) {
        outside++;
      } else {
        kept.add(run(f, flop, date));
      }
    }
    kept.sort(Comparator.comparing(EpochRun::date).thenComparing(EpochRun::model));
    return new Derivation(List.copyOf(kept), rows.size() - 1, noCompute, belowMin, outside);
  }

  private static EpochRun run(Field f, double flop, LocalDate date) {
    String cost = f.get(COST);
    return new EpochRun(
        f.get(MODEL),
        list(f.get(ORGANIZATION)),
        date,
        f.get(DOMAIN),
        first(f.get(COUNTRY)),
        first(f.get(CATEGORY)),
        flop,
        cost.isEmpty() ? null : f.number(COST),
        f.get(FRONTIER).equalsIgnoreCase("true"));
  }

  /** The extract as CSV text: {@link #EXTRACT_COLUMNS}, one row per run, quoted where needed. */
  public static String extractCsv(List<EpochRun> runs) {
    StringBuilder out = new StringBuilder();
    line(out, EXTRACT_COLUMNS);
    for (EpochRun r : runs) {
      line(
          out,
          List.of(
              r.model(),
              r.organization(),
              String.join(",", r.organizations()),
              r.date().toString(),
              r.domain(),
              r.country(),
              r.category(),
              number(r.computeFlop()),
              r.costUsd() == null ? "" : number(r.costUsd()),
              Boolean.toString(r.frontier())));
    }
    return out.toString();
  }

  /**
   * The runs of an extract written by {@link #extractCsv}.
   *
   * @throws IllegalArgumentException naming {@code source}, the line and the column of a bad field
   */
  public static List<EpochRun> readExtract(String source, String csv) {
    List<CsvRows.Row> rows = CsvRows.read(source, csv);
    if (rows.isEmpty() || !rows.get(0).fields().equals(EXTRACT_COLUMNS)) {
      throw new IllegalArgumentException(
          source + ": the header must be " + String.join(",", EXTRACT_COLUMNS));
    }
    Map<String, Integer> at = columns(source, rows.get(0).fields(), EXTRACT_COLUMNS);
    List<EpochRun> runs = new ArrayList<>();
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      Field f = new Field(source, row, at);
      String cost = f.get("training_compute_cost_2023_usd");
      runs.add(
          new EpochRun(
              f.get("model"),
              list(f.get("organizations")),
              f.date("publication_date"),
              f.get("domain"),
              f.get("country"),
              f.get("organization_category"),
              f.number("training_compute_flop"),
              cost.isEmpty() ? null : f.number("training_compute_cost_2023_usd"),
              Boolean.parseBoolean(f.get("frontier_model"))));
    }
    return List.copyOf(runs);
  }

  /** Whether a run passes the extract's filter. */
  public static boolean selected(EpochRun r) {
    return r.computeFlop() >= MIN_FLOP && !r.date().isBefore(FROM) && !r.date().isAfter(TO);
  }

  /** Java's shortest round-trip form, so a number reads back to the same double. */
  static String number(double x) {
    return Double.toString(x);
  }

  private static List<String> list(String field) {
    return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String first(String field) {
    List<String> l = list(field);
    return l.isEmpty() ? "" : l.get(0);
  }

  private static Map<String, Integer> columns(
      String source, List<String> header, List<String> wanted) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      at.putIfAbsent(header.get(i).strip(), i);
    }
    for (String w : wanted) {
      if (!at.containsKey(w)) {
        throw new IllegalArgumentException(source + ": no column '" + w + "' in the header");
      }
    }
    return at;
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quoted(fields.get(i)));
    }
    out.append('\n');
  }

  /** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
  static String quoted(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** One row's fields by column name, stripped, with errors that name the line and column. */
  private record Field(String source, CsvRows.Row row, Map<String, Integer> at) {
    String get(String column) {
      int i = at.get(column);
      List<String> f = row.fields();
      // The reader drops nothing, but a short row (trailing empty fields cut) reads as empty.
      return i < f.size() ? f.get(i).strip() : "";
    }

    double number(String column) {
      String s = get(column);
      try {
        double x = Double.parseDouble(s);
        if (Double.isFinite(x) && x >= 0) {
          return x;
        }
      } catch (NumberFormatException e) {
        // reported below with the line and the column
      }
      throw bad(column, s, "a finite number >= 0");
    }

    LocalDate date(String column) {
      String s = get(column);
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw bad(column, s, "a date YYYY-MM-DD");
      }
    }

    private IllegalArgumentException bad(String column, String value, String rule) {
      return new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s line %d: column '%s' must be %s, was '%s'",
              source,
              row.line(),
              column,
              rule,
              value));
    }
  }
}
