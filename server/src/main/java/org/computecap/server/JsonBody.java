package org.computecap.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * A request body read strictly, so every malformed input gets a 400 naming the field and the rule:
 * one JSON object with no duplicate and no unknown field; every required field present and not
 * null; each value of its field's type and range (no silent truncation of 1.5 or of 2^70). Reading
 * by hand rather than binding to classes keeps the messages exact and the accepted shape the one
 * the route declares.
 */
final class JsonBody {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private JsonBody() {}

  /**
   * Reads {@code text} into {@code into}: {@code required} fields must be present, {@code optional}
   * ones may be; nothing else is allowed. A blank body is accepted only when no field is required.
   */
  static void read(String text, List<Field<?>> required, List<Field<?>> optional, Values into) {
    if (text == null || text.isBlank()) {
      if (required.isEmpty()) {
        return;
      }
      throw ApiException.badRequest(
          null, "body must be a JSON object with the fields " + names(required, optional));
    }
    JsonNode root;
    try {
      root = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(null, "body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest(
          null, "body must be a JSON object with the fields " + names(required, optional));
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (find(name, required) == null && find(name, optional) == null) {
        throw ApiException.badRequest(
            name, "unknown field '" + name + "' (allowed: " + names(required, optional) + ")");
      }
    }
    for (Field<?> f : required) {
      JsonNode v = root.get(f.name());
      if (v == null || v.isNull()) {
        throw f.bad(f.name() + " is required");
      }
      put(into, f, v);
    }
    for (Field<?> f : optional) {
      JsonNode v = root.get(f.name());
      if (v != null && !v.isNull()) {
        put(into, f, v);
      }
    }
  }

  private static <T> void put(Values into, Field<T> f, JsonNode v) {
    into.put(f, f.fromJson(v));
  }

  private static Field<?> find(String name, List<Field<?>> fields) {
    for (Field<?> f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  private static TreeSet<String> names(List<Field<?>> required, List<Field<?>> optional) {
    List<Field<?>> all = new ArrayList<>(required);
    all.addAll(optional);
    TreeSet<String> out = new TreeSet<>();
    for (Field<?> f : all) {
      out.add(f.name());
    }
    return out;
  }
}
