package org.computecap.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One named input of the API, in a body, a path or a query string: its JSON type, its range, and
 * for enums the allowed names. The same declaration reads the input strictly (a 400 naming this
 * field and the rule for anything else), writes it on the client side, and describes it in the
 * OpenAPI document, so the three cannot disagree.
 *
 * <p>Ranges here are those of the wire type (a 32- or a 64-bit integer) plus the few limits that
 * belong to the HTTP layer (paging, depth, lifetimes); the business ranges of a command's fields
 * are checked by the command's constructor, which names the field itself.
 */
final class Field<T> {
  /** The wire type of a field. */
  enum Kind {
    INT64,
    INT32,
    STRING,
    ENUM
  }

  private final String name;
  private final Kind kind;
  private final long min;
  private final long max;
  private final Class<? extends Enum<?>> enumType;
  private final String description;

  /** For a STRING field read into a value type: the parse (its message is the 400's rule). */
  private Function<String, ?> parser = null;

  /** For such a field: the pattern its text must match, stated in the OpenAPI document. */
  private String pattern = null;

  /** For such a field: the type it reads into, a named schema of the OpenAPI document. */
  private Class<?> valueType = null;

  private Field(
      String name,
      Kind kind,
      long min,
      long max,
      Class<? extends Enum<?>> enumType,
      String description) {
    this.name = name;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.enumType = enumType;
    this.description = description;
  }

  static Field<Long> int64(String name, String description) {
    return new Field<>(name, Kind.INT64, Long.MIN_VALUE, Long.MAX_VALUE, null, description);
  }

  static Field<Long> int64(String name, long min, long max, String description) {
    return new Field<>(name, Kind.INT64, min, max, null, description);
  }

  static Field<Integer> int32(String name, String description) {
    return new Field<>(name, Kind.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE, null, description);
  }

  static Field<Integer> int32(String name, int min, int max, String description) {
    return new Field<>(name, Kind.INT32, min, max, null, description);
  }

  static Field<String> string(String name, String description) {
    return new Field<>(name, Kind.STRING, 0, 0, null, description);
  }

  /**
   * A STRING field read into a value by {@code parser}, whose IllegalArgumentException message
   * becomes the 400's rule; written back as the value's {@code toString()}.
   */
  static <T> Field<T> parsed(
      String name, Class<T> type, Function<String, T> parser, String pattern, String description) {
    Field<T> f = new Field<>(name, Kind.STRING, 0, 0, null, description);
    f.parser = parser;
    f.pattern = pattern;
    f.valueType = type;
    return f;
  }

  /** The type a parsed field reads into (null for the others). */
  Class<?> valueType() {
    return valueType;
  }

  static <E extends Enum<E>> Field<E> enumOf(String name, Class<E> type, String description) {
    return new Field<>(name, Kind.ENUM, 0, 0, type, description);
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** The enum an ENUM field takes (null for the others). */
  Class<? extends Enum<?>> enumType() {
    return enumType;
  }

  /** Reads this field's value from a JSON body node (never null: the caller checked presence). */
  @SuppressWarnings("unchecked")
  T fromJson(JsonNode v) {
    switch (kind) {
      case INT64, INT32 -> {
        if (!v.isIntegralNumber()) {
          throw bad(name + " must be a whole number, got " + describe(v));
        }
        if (!v.canConvertToLong()) {
          throw outOfRange(v.asText());
        }
        return (T) checkRange(v.longValue());
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw bad(name + " must be a string, got " + describe(v));
        }
        return (T) parse(v.textValue());
      }
      default -> {
        if (!v.isTextual()) {
          throw bad(name + " must be one of " + enumNames() + ", got " + describe(v));
        }
        return (T) enumValue(v.textValue());
      }
    }
  }

  /** Reads this field's value from a path segment or a query parameter. */
  @SuppressWarnings("unchecked")
  T fromText(String s) {
    switch (kind) {
      case INT64, INT32 -> {
        long v;
        try {
          v = Long.parseLong(s);
        } catch (NumberFormatException e) {
          throw bad(name + " must be a whole number within [" + min + ", " + max + "], got " + s);
        }
        return (T) checkRange(v);
      }
      case STRING -> {
        return (T) parse(s);
      }
      default -> {
        return (T) enumValue(s);
      }
    }
  }

  /** The value as it goes into a JSON body (enums by name, parsed values as their text). */
  Object toJson(Object value) {
    if (parser != null && value != null) {
      return value.toString();
    }
    return value instanceof Enum<?> e ? e.name() : value;
  }

  private Object parse(String text) {
    if (parser == null) {
      return text;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw bad(name + ": " + e.getMessage());
    }
  }

  private Object checkRange(long v) {
    if (v < min || v > max) {
      throw outOfRange(Long.toString(v));
    }
    return kind == Kind.INT32 ? (Object) (int) v : (Object) v;
  }

  private ApiException outOfRange(String got) {
    return bad(name + " must be within [" + min + ", " + max + "], got " + got);
  }

  private Enum<?> enumValue(String s) {
    for (Enum<?> e : enumType.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw bad(name + " must be one of " + enumNames() + ", got " + s);
  }

  private List<String> enumNames() {
    List<String> out = new ArrayList<>();
    for (Enum<?> e : enumType.getEnumConstants()) {
      out.add(e.name());
    }
    return out;
  }

  ApiException bad(String message) {
    return ApiException.badRequest(name, message);
  }

  private static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "the string \"" + v.textValue() + "\"";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v;
  }

  /** The OpenAPI schema of this field. */
  Map<String, Object> schema() {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (kind) {
      case INT64, INT32 -> {
        s.put("type", "integer");
        s.put("format", kind == Kind.INT64 ? "int64" : "int32");
        long typeMin = kind == Kind.INT64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long typeMax = kind == Kind.INT64 ? Long.MAX_VALUE : Integer.MAX_VALUE;
        if (min != typeMin) {
          s.put("minimum", min);
        }
        if (max != typeMax) {
          s.put("maximum", max);
        }
      }
      case STRING -> {
        s.put("type", "string");
        if (pattern != null) {
          s.put("pattern", pattern);
        }
      }
      default -> {
        s.put("type", "string");
        s.put("enum", enumNames());
      }
    }
    if (description != null) {
      s.put("description", description);
    }
    return s;
  }

  @Override
  public String toString() {
    return name;
  }
}
