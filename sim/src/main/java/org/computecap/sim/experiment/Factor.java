package org.computecap.sim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One axis of an experiment. A plain factor sets one scenario field by path ({@code
 * audit.probabilityPpm}, {@code market.trading}, {@code developers.*.spread}) to each of its
 * values; a compound factor has named levels, each setting several fields at once (a regime such as
 * command-and-control is a trading mode and a strategy together). For a Latin-hypercube design a
 * numeric factor may give a range {@code [low, high]} instead of values.
 *
 * @param name the column name in runs.csv: the field path, or the compound factor's name
 * @param label what a figure's axis calls it
 * @param unit the unit a figure's axis shows (empty when none)
 * @param values the levels: numbers, names or (compound) level names as text
 * @param levels for a compound factor, each level name's field values; empty otherwise
 * @param low lower end of a continuous range (NaN when the factor has values)
 * @param high upper end of a continuous range
 * @param whole whether values drawn in the range are rounded to whole numbers
 */
public record Factor(
    String name,
    String label,
    String unit,
    List<JsonNode> values,
    Map<String, Map<String, JsonNode>> levels,
    double low,
    double high,
    boolean whole) {

  public Factor {
    values = List.copyOf(values);
    levels = new LinkedHashMap<>(levels);
  }

  /** Whether each value is a number, so a figure can put the factor on an x axis. */
  public boolean numeric() {
    return levels.isEmpty() && (values.isEmpty() || values.stream().allMatch(JsonNode::isNumber));
  }

  /** Whether the factor is a range a Latin hypercube draws from, rather than values. */
  public boolean continuous() {
    return values.isEmpty() && !Double.isNaN(low);
  }

  public boolean compound() {
    return !levels.isEmpty();
  }

  /** The fields this factor sets at {@code value}. */
  Map<String, JsonNode> fields(JsonNode value) {
    if (compound()) {
      return levels.get(value.asText());
    }
    return Map.of(name, value);
  }

  /** The value as runs.csv writes it. */
  static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
