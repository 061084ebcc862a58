package org.computecap.sim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML file (an experiment, a policy search) with the project's rule for
 * bad input: every error names the file, the field's path and the rule it broke, so the two loaders
 * refuse the same mistake with the same words.
 */
public final class FileFields {
  private final String source;

  /**
   * @param source the file's name, first in every message
   */
  public FileFields(String source) {
    this.source = source;
  }

  /** An error naming the file, the field's path and the rule. */
  public IllegalArgumentException error(String field, String rule) {
    return new IllegalArgumentException(source + ": " + field + " " + rule);
  }

  /**
   * Refuses a field of {@code node} not in {@code known}.
   *
   * @param prefix the path of {@code node} with its trailing dot ("" at the top)
   * @param hint appended to the rule for a field called {@code f}: "" when there is none to give
   */
  public void refuseUnknown(
      JsonNode node, String prefix, Set<String> known, Function<String, String> hint) {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!known.contains(f)) {
        throw error(
            prefix + f,
            "is not a known field"
                + hint.apply(f)
                + " (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** Non-blank text at {@code field}; {@code fallback} when absent, or an error when it is null. */
  public String text(JsonNode n, String field, String fallback, String at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw error(at, "is missing");
      }
      return fallback;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(at, "must be non-blank text");
    }
    return v.asText();
  }

  /** A finite number at {@code field} of the mapping at {@code at}. */
  public double number(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw error(at + "." + field, "must be a number");
    }
    return v.asDouble();
  }

  /**
   * A whole number in [min, max] at {@code field}; {@code fallback} when absent, or an error when
   * it is null.
   */
  public long whole(JsonNode n, String field, long min, long max, Long fallback, String at) {
    JsonNode v = n.get(field);
    if ((v == null || v.isNull()) && fallback != null) {
      return fallback;
    }
    if (v == null
        || !v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.asLong() < min
        || v.asLong() > max) {
      throw error(
          at,
          String.format(
              Locale.ROOT,
              "must be a whole number in [%d, %d], was %s",
              min,
              max,
              v == null ? "missing" : v.asText()));
    }
    return v.asLong();
  }
}
