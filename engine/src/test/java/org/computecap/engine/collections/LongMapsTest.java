package org.computecap.engine.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapsTest {
  @Test
  void long_long_map_agrees_with_a_hash_map_under_random_puts_and_removes() {
    SplittableRandom rnd = new SplittableRandom(7);
    LongLongMap map = new LongLongMap(2);
    Map<Long, Long> reference = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      long key = rnd.nextLong(-500, 500) * 1_000_003L;
      int op = rnd.nextInt(3);
      if (op == 0) {
        map.put(key, i);
        reference.put(key, (long) i);
      } else if (op == 1) {
        assertThat(map.remove(key)).isEqualTo(reference.remove(key) != null);
      } else {
        assertThat(map.get(key, -1)).isEqualTo(reference.getOrDefault(key, -1L));
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    long[] keys = map.sortedKeys();
    assertThat(keys)
        .containsExactly(reference.keySet().stream().sorted().mapToLong(Long::longValue).toArray());
  }

  @Test
  void long_object_map_agrees_with_a_hash_map_under_random_puts_and_removes() {
    SplittableRandom rnd = new SplittableRandom(11);
    LongObjectMap<String> map = new LongObjectMap<>(0);
    Map<Long, String> reference = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      long key = rnd.nextLong(0, 2_000);
      int op = rnd.nextInt(3);
      if (op == 0) {
        assertThat(map.put(key, "v" + i)).isEqualTo(reference.put(key, "v" + i));
      } else if (op == 1) {
        assertThat(map.remove(key)).isEqualTo(reference.remove(key));
      } else {
        assertThat(map.get(key)).isEqualTo(reference.get(key));
      }
    }
    assertThat(map.size()).isEqualTo(reference.size());
    int[] count = {0};
    map.forEachValue(v -> count[0]++);
    assertThat(count[0]).isEqualTo(reference.size());
  }

  @Test
  void add_accumulates_from_zero_for_absent_keys() {
    LongLongMap map = new LongLongMap();
    map.add(Long.MIN_VALUE, 5);
    map.add(Long.MIN_VALUE, -2);
    assertThat(map.get(Long.MIN_VALUE, 0)).isEqualTo(3);
    assertThat(map.containsKey(0)).isFalse();
  }
}
