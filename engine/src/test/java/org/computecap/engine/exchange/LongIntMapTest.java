package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void the_map_agrees_with_a_hash_map_under_random_puts_and_removes() {
    SplittableRandom random = new SplittableRandom(42);
    LongIntMap map = new LongIntMap(1);
    Map<Long, Integer> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      long key = 1 + random.nextInt(5_000);
      if (random.nextBoolean() && !expected.containsKey(key)) {
        map.putNew(key, i);
        expected.put(key, i);
      } else {
        Integer removed = expected.remove(key);
        assertThat(map.remove(key)).isEqualTo(removed == null ? LongIntMap.MISSING : removed);
      }
      long probe = 1 + random.nextInt(5_000);
      assertThat(map.get(probe)).isEqualTo(expected.getOrDefault(probe, LongIntMap.MISSING));
    }
    assertThat(map.size()).isEqualTo(expected.size());
  }

  @Test
  void keys_that_collide_in_the_table_are_all_found_after_removals() {
    LongIntMap map = new LongIntMap(16);
    for (long k = 1; k <= 1_000; k++) {
      map.putNew(k << 20, (int) k);
    }
    for (long k = 1; k <= 1_000; k += 2) {
      assertThat(map.remove(k << 20)).isEqualTo((int) k);
    }
    for (long k = 2; k <= 1_000; k += 2) {
      assertThat(map.get(k << 20)).isEqualTo((int) k);
    }
    assertThat(map.size()).isEqualTo(500);
  }

  @Test
  void a_key_that_is_not_positive_or_already_present_is_refused() {
    LongIntMap map = new LongIntMap(4);
    map.putNew(5, 1);
    assertThatThrownBy(() -> map.putNew(5, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> map.putNew(0, 2)).hasMessageContaining("key");
  }
}
