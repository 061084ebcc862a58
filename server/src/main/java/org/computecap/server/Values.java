package org.computecap.server;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed inputs of one request (path parameters and body fields, read by their {@link Field}s),
 * plus values the server resolved for it, such as the owner of the order being cancelled.
 */
final class Values {
  private final Map<Field<?>, Object> values = new HashMap<>();

  <T> Values put(Field<T> field, T value) {
    values.put(field, value);
    return this;
  }

  /** The value of a field that was read or resolved (AssertionError if it was not). */
  @SuppressWarnings("unchecked")
  <T> T get(Field<T> field) {
    Object v = values.get(field);
    if (v == null && !values.containsKey(field)) {
      throw new AssertionError("no value for " + field);
    }
    return (T) v;
  }

  boolean has(Field<?> field) {
    return values.containsKey(field);
  }
}
