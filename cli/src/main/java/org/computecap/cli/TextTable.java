package org.computecap.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for people: a header row, a rule, and columns padded to their widest cell.
 * Numbers are shown to six significant digits and right-aligned so that columns of figures line up;
 * full precision belongs in the CSV and JSON outputs, not here.
 */
final class TextTable {

  private final List<String> headers;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; doubles are formatted with {@link #number}, anything else with toString. */
  TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new AssertionError(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = cells[i] instanceof Double d ? number(d) : String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    boolean[] numeric = new boolean[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      numeric[c] = !rows.isEmpty();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
        numeric[c] &= row[c].isEmpty() || looksNumeric(row[c]);
      }
    }
    out.println(line(headers.toArray(String[]::new), widths, numeric));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    out.println(rule);
    for (String[] row : rows) {
      out.println(line(row, widths, numeric));
    }
    out.flush();
  }

  private static String line(String[] cells, int[] widths, boolean[] numeric) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(widths[c] - cells[c].length());
      sb.append(c == 0 ? "" : "  ");
      sb.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
    }
    return sb.toString().stripTrailing();
  }

  private static boolean looksNumeric(String s) {
    return s.equals("n/a") || s.matches("-?[0-9][0-9.]*(e-?[0-9]+)?");
  }

  /**
   * Six significant digits: plain notation between 1e-3 and 1e6, scientific outside it, so a column
   * that spans decades stays readable.
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      // summary.json has null here: no value, not a number gone wrong.
      return "n/a";
    }
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    double magnitude = Math.abs(v);
    if (magnitude >= 1e-3 && magnitude < 1e6) {
      BigDecimal rounded = new BigDecimal(v).round(new MathContext(6));
      return rounded.stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.5e", v);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
    int exponent = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + exponent;
  }
}
