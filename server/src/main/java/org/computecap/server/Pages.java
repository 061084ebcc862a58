package org.computecap.server;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Pages over a sorted map's values, from the first key after the cursor on (no copy). */
final class Pages {
  private Pages() {}

  /**
   * Up to {@code limit} of the values after key {@code after} that {@code keep} accepts, as {@code
   * view} shows them; {@code next} is the last one's key when more follow.
   */
  static <V, T> Views.Page<T> after(
      NavigableMap<Long, V> map, long after, int limit, Predicate<V> keep, Function<V, T> view) {
    List<T> out = new ArrayList<>();
    Long lastKey = null;
    for (var e : map.tailMap(after, false).entrySet()) {
      if (!keep.test(e.getValue())) {
        continue;
      }
      if (out.size() == limit) {
        return new Views.Page<>(out, lastKey);
      }
      out.add(view.apply(e.getValue()));
      lastKey = e.getKey();
    }
    return new Views.Page<>(out, null);
  }
}
