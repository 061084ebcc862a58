package org.computecap.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * A request body read strictly, field by field, so every malformed input gets a 400 naming the
 * field and the rule: the body must be one JSON object with no duplicate and no unknown field;
 * numbers must be whole and fit the field's type (no silent truncation of 1.5 or of 2^70); strings
 * and enum names must be strings. Reading by hand rather than binding to classes keeps those
 * messages exact and the accepted shape explicit in each route.
 */
final class JsonBody {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /** Parses {@code text} as an object whose fields are all among {@code allowed}. */
  static JsonBody parse(String text, Set<String> allowed) {
    JsonNode root;
    try {
      root = text == null || text.isBlank() ? null : STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(null, "body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest(
          null, "body must be a JSON object with the fields " + new java.util.TreeSet<>(allowed));
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            name,
            "unknown field '" + name + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
    return new JsonBody((ObjectNode) root);
  }

  long requireLong(String field) {
    JsonNode v = require(field);
    if (!v.isIntegralNumber()) {
      throw ApiException.badRequest(field, field + " must be a whole number, got " + kind(v));
    }
    if (!v.canConvertToLong()) {
      throw ApiException.badRequest(
          field,
          field
              + " must be within ["
              + Long.MIN_VALUE
              + ", "
              + Long.MAX_VALUE
              + "], got "
              + v.asText());
    }
    return v.longValue();
  }

  long optionalLong(String field, long absent) {
    return node.has(field) ? requireLong(field) : absent;
  }

  int requireInt(String field) {
    long v = requireLong(field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw ApiException.badRequest(
          field,
          field
              + " must be within ["
              + Integer.MIN_VALUE
              + ", "
              + Integer.MAX_VALUE
              + "], got "
              + v);
    }
    return (int) v;
  }

  String requireString(String field) {
    JsonNode v = require(field);
    if (!v.isTextual()) {
      throw ApiException.badRequest(field, field + " must be a string, got " + kind(v));
    }
    return v.textValue();
  }

  <E extends Enum<E>> E requireEnum(String field, Class<E> type) {
    String s = requireString(field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw ApiException.badRequest(
        field,
        field
            + " must be one of "
            + java.util.Arrays.toString(type.getEnumConstants())
            + ", got "
            + s);
  }

  private JsonNode require(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(field, field + " is required");
    }
    return v;
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "the string \"" + v.textValue() + "\"";
    }
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + v;
  }
}
