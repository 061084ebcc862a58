package org.computecap.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One YAML mapping with the dotted path that leads to it. It remembers which fields were read so
 * that {@link #refuseUnread()} can name a misspelt field instead of ignoring it, and every error
 * names the source, the field path and the allowed range.
 */
final class Node {
  private final String source;
  private final String path;
  private final JsonNode node;
  private final Set<String> read = new LinkedHashSet<>();

  Node(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  IllegalArgumentException error(String name, String message) {
    return new IllegalArgumentException(source + ": " + field(name) + " " + message);
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  JsonNode raw(String name) {
    read.add(name);
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  Node section(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      throw error(name, "is missing");
    }
    if (!v.isObject()) {
      throw error(name, "must be a mapping of fields");
    }
    return new Node(source, field(name), v);
  }

  Node optionalSection(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return new Node(
          source,
          field(name),
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!v.isObject()) {
      throw error(name, "must be a mapping of fields");
    }
    return new Node(source, field(name), v);
  }

  List<Node> list(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      throw error(name, "is missing");
    }
    if (!v.isArray() || v.isEmpty()) {
      throw error(name, "must be a non-empty list");
    }
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String itemPath = field(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw new IllegalArgumentException(
            source + ": " + itemPath + " must be a mapping of fields");
      }
      items.add(new Node(source, itemPath, item));
    }
    return items;
  }

  String text(String name, String fallback) {
    JsonNode v = raw(name);
    if (v == null) {
      if (fallback == null) {
        throw error(name, "is missing");
      }
      return fallback;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(name, "must be non-blank text");
    }
    return v.asText();
  }

  double number(String name, double min, double max, Double fallback) {
    JsonNode v = raw(name);
    if (v == null) {
      if (fallback == null) {
        throw error(name, "is missing (a number in [" + min + ", " + max + "])");
      }
      return fallback;
    }
    double d = numeric(name, v);
    if (!(d >= min && d <= max)) {
      throw error(name, "must be in [" + min + ", " + max + "], was " + v.asText());
    }
    return d;
  }

  /** A number that must be &gt; min (exclusive), e.g. a positive scale. */
  double positive(String name, double max, Double fallback) {
    double d = number(name, 0.0, max, fallback);
    if (!(d > 0.0)) {
      throw error(name, "must be > 0 and <= " + max + ", was " + d);
    }
    return d;
  }

  long whole(String name, long min, long max, Long fallback) {
    JsonNode v = raw(name);
    if (v == null) {
      if (fallback == null) {
        throw error(name, "is missing (a whole number in [" + min + ", " + max + "])");
      }
      return fallback;
    }
    if (!v.isIntegralNumber()
        && !(v.isNumber()
            && v.asDouble() == Math.rint(v.asDouble())
            && Math.abs(v.asDouble()) < 9e15)) {
      throw error(name, "must be a whole number in [" + min + ", " + max + "], was " + v.asText());
    }
    long n = v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
    if (v.isIntegralNumber() && !v.canConvertToLong()) {
      throw error(name, "must be in [" + min + ", " + max + "], was " + v.asText());
    }
    if (n < min || n > max) {
      throw error(name, "must be in [" + min + ", " + max + "], was " + n);
    }
    return n;
  }

  boolean bool(String name, boolean fallback) {
    JsonNode v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw error(name, "must be true or false, was " + v.asText());
    }
    return v.asBoolean();
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
    JsonNode v = raw(name);
    if (v == null) {
      if (fallback == null) {
        throw error(name, "is missing (one of " + names(type) + ")");
      }
      return fallback;
    }
    return parseEnum(name, v.asText(), type);
  }

  <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw error(name, "must be one of " + names(type) + ", was " + value);
  }

  static <E extends Enum<E>> String names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    return String.join(", ", names);
  }

  double[] numbers(String name, double min, double max) {
    JsonNode v = raw(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray() || v.isEmpty()) {
      throw error(name, "must be a non-empty list of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      double d = numeric(name + "[" + i + "]", v.get(i));
      if (!(d >= min && d <= max)) {
        throw error(name + "[" + i + "]", "must be in [" + min + ", " + max + "], was " + d);
      }
      out[i] = d;
    }
    return out;
  }

  Iterator<String> fieldNames() {
    return node.fieldNames();
  }

  JsonNode json() {
    return node;
  }

  void refuseUnread() {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!read.contains(f)) {
        throw error(f, "is not a known field (known: " + String.join(", ", read) + ")");
      }
    }
  }

  private double numeric(String name, JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        double d = Double.parseDouble(v.asText().trim());
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException ignored) {
        // falls through to the error naming the field
      }
    }
    throw error(name, "must be a number, was " + v.asText());
  }
}
