package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Population;
import org.computecap.figures.CsvRows;

/**
 * Reads a developer population from CSV for {@code analyze equilibrium}. This is an adapter: it
 * checks the shape of the file (columns, field counts, numbers, which fields a family uses) and
 * hands each developer to {@link Population#builder()}, which owns the economic ranges (0 &lt; beta
 * &lt; 1, lambdaBar &gt;= 1, ...). Every error names the file, the 1-based line (the header is line
 * 1) and the field, so a person can fix the file.
 *
 * <p>Format: a header naming the columns {@code id,family,theta,beta,k,a,lambda_bar} in any order,
 * then one developer per line; {@code family} is {@code power} (theta, beta), {@code log} (theta)
 * or {@code p1} (k, a); columns a family does not use stay empty. Blank lines are skipped. Fields
 * may be quoted the standard way ({@code "Lab, Inc."}, a spreadsheet's export): the file is read
 * with jackson-dataformat-csv through {@link CsvRows}.
 */
final class PopulationCsv {

  static final List<String> COLUMNS =
      List.of("id", "family", "theta", "beta", "k", "a", "lambda_bar");

  private static final Map<BenefitFamily, Set<String>> USED =
      Map.of(
          BenefitFamily.POWER, Set.of("theta", "beta"),
          BenefitFamily.LOG, Set.of("theta"),
          BenefitFamily.P1, Set.of("k", "a"));

  /** The population and the developer ids, in file order (developer i has ids.get(i)). */
  record Parsed(List<String> ids, Population population) {}

  private final String name;
  private final Map<String, Integer> columnIndex = new HashMap<>();

  private PopulationCsv(Path file) {
    Path fileName = file.getFileName();
    this.name = fileName == null ? file.toString() : fileName.toString();
  }

  static Parsed read(Path file) {
    PopulationCsv csv = new PopulationCsv(file);
    return csv.parse(CsvRows.read(csv.name, text(file)));
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--population: " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("--population: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException("--population: cannot read " + file + ": " + e);
    }
  }

  private Parsed parse(List<CsvRows.Row> rows) {
    if (rows.isEmpty() || rows.get(0).line() != 1) {
      throw new IllegalArgumentException(
          name + " line 1: expected the header " + String.join(",", COLUMNS));
    }
    readHeader(rows.get(0).fields());
    List<String> ids = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    Population.Builder builder = Population.builder(rows.size());
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      int lineNo = row.line();
      String[] fields = fields(row);
      String id = fields[columnIndex.get("id")];
      if (id.isEmpty()) {
        throw fieldError(lineNo, "id", "is empty; every developer needs an id");
      }
      Integer first = lineOfId.putIfAbsent(id, lineNo);
      if (first != null) {
        throw fieldError(lineNo, "id", "'" + id + "' is already used on line " + first);
      }
      addDeveloper(builder, fields, lineNo);
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(name + ": no developers after the header line");
    }
    return new Parsed(List.copyOf(ids), builder.build());
  }

  private void readHeader(List<String> header) {
    String[] names = header.toArray(String[]::new);
    for (int c = 0; c < names.length; c++) {
      String column = names[c].trim();
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException(
            name
                + " line 1: unknown column '"
                + column
                + "'; the columns are "
                + String.join(",", COLUMNS));
      }
      if (columnIndex.putIfAbsent(column, c) != null) {
        throw new IllegalArgumentException(name + " line 1: column '" + column + "' appears twice");
      }
    }
    for (String column : COLUMNS) {
      if (!columnIndex.containsKey(column)) {
        throw new IllegalArgumentException(
            name
                + " line 1: missing column '"
                + column
                + "'; the header must name "
                + String.join(",", COLUMNS));
      }
    }
  }

  private String[] fields(CsvRows.Row row) {
    String[] fields = row.fields().toArray(String[]::new);
    if (fields.length != COLUMNS.size()) {
      throw new IllegalArgumentException(
          name
              + " line "
              + row.line()
              + ": expected "
              + COLUMNS.size()
              + " fields, found "
              + fields.length);
    }
    for (int c = 0; c < fields.length; c++) {
      fields[c] = fields[c].trim();
    }
    return fields;
  }

  private void addDeveloper(Population.Builder builder, String[] fields, int lineNo) {
    String familyText = fields[columnIndex.get("family")];
    BenefitFamily family = family(familyText, lineNo);
    double theta = number(fields, "theta", family, lineNo);
    double beta = number(fields, "beta", family, lineNo);
    double k = number(fields, "k", family, lineNo);
    double a = number(fields, "a", family, lineNo);
    double lambdaBar = number(fields, "lambda_bar", family, lineNo);
    // Here lambda_bar is P2's expected risk multiplier, between lambda(L) = 1 and alpha; the
    // economics' population takes any positive weight (a simulator's intensity times it).
    if (lambdaBar < 1.0) {
      throw fieldError(
          lineNo,
          "lambda_bar",
          "must be >= 1 (the expected risk multiplier, lambda(L) = 1 at least), was "
              + fields[columnIndex.get("lambda_bar")]);
    }
    try {
      builder.add(family, theta, beta, k, a, lambdaBar);
    } catch (IllegalArgumentException e) {
      throw located(e, lineNo);
    }
  }

  private BenefitFamily family(String text, int lineNo) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "power" -> BenefitFamily.POWER;
      case "log" -> BenefitFamily.LOG;
      case "p1" -> BenefitFamily.P1;
      default -> throw fieldError(lineNo, "family", "'" + text + "' is not one of power, log, p1");
    };
  }

  /** A numeric field: required when the family uses it, empty (read as 0) when it does not. */
  private double number(String[] fields, String column, BenefitFamily family, int lineNo) {
    String text = fields[columnIndex.get(column)];
    boolean used = column.equals("lambda_bar") || USED.get(family).contains(column);
    String familyName = family.name().toLowerCase(Locale.ROOT);
    if (!used) {
      if (!text.isEmpty()) {
        throw fieldError(
            lineNo,
            column,
            "must be empty for family " + familyName + ", which does not use it; was " + text);
      }
      return 0.0;
    }
    if (text.isEmpty()) {
      throw fieldError(lineNo, column, "is empty; family " + familyName + " needs it");
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw fieldError(lineNo, column, "'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw fieldError(lineNo, column, "'" + text + "' is not a finite number");
    }
    return value;
  }

  /**
   * Re-words a range error of the population builder ({@code developer 3: beta must be in (0, 1),
   * was 1.5}) with the file, line and CSV column it came from.
   */
  private IllegalArgumentException located(IllegalArgumentException e, int lineNo) {
    String message = String.valueOf(e.getMessage());
    String detail = message.substring(message.indexOf(':') + 1).trim();
    for (String column : COLUMNS) {
      String field = column.equals("lambda_bar") ? "lambdaBar" : column;
      if (detail.startsWith(field + " ")) {
        String rule = detail.substring(field.length() + 1);
        return new IllegalArgumentException(
            name + " line " + lineNo + ", field " + column + ": " + rule, e);
      }
    }
    return new IllegalArgumentException(name + " line " + lineNo + ": " + detail, e);
  }

  private IllegalArgumentException fieldError(int lineNo, String column, String problem) {
    return new IllegalArgumentException(
        name + " line " + lineNo + ", field " + column + ": " + problem);
  }
}
