package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderIndexTest {

  @Test
  void the_index_agrees_with_a_hash_map_under_random_puts_and_removes() {
    SplittableRandom random = new SplittableRandom(42);
    OrderIndex index = new OrderIndex();
    Map<Long, Integer> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // Mostly recent ids, as the exchange assigns them, and now and then a far one.
      long id =
          random.nextInt(20) == 0
              ? 1 + random.nextLong(1L << 40)
              : 1 + i / 4 + random.nextInt(3000);
      if (random.nextBoolean() && !expected.containsKey(id)) {
        index.putNew(id, i);
        expected.put(id, i);
      } else {
        Integer removed = expected.remove(id);
        assertThat(index.remove(id)).isEqualTo(removed == null ? OrderIndex.MISSING : removed);
      }
      long probe = 1 + i / 4 + random.nextInt(3000);
      assertThat(index.get(probe)).isEqualTo(expected.getOrDefault(probe, OrderIndex.MISSING));
    }
    assertThat(index.size()).isEqualTo(expected.size());
  }

  @Test
  void a_page_is_dropped_when_its_last_order_leaves() {
    OrderIndex index = new OrderIndex();
    for (long id = 1; id <= 5_000; id++) {
      index.putNew(id, (int) id);
    }
    assertThat(index.pageCount()).isEqualTo(5);
    for (long id = 1; id <= 4_000; id++) {
      assertThat(index.remove(id)).isEqualTo((int) id);
    }
    assertThat(index.pageCount()).isEqualTo(2);
    assertThat(index.get(4_001)).isEqualTo(4_001);
    assertThat(index.get(17)).isEqualTo(OrderIndex.MISSING);
    assertThat(index.size()).isEqualTo(1_000);
  }

  @Test
  void an_id_that_is_not_positive_or_already_present_is_refused() {
    OrderIndex index = new OrderIndex();
    index.putNew(5, 1);
    assertThatThrownBy(() -> index.putNew(5, 2)).hasMessageContaining("already present");
    assertThatThrownBy(() -> index.putNew(0, 2)).hasMessageContaining("positive");
    assertThat(index.get(0)).isEqualTo(OrderIndex.MISSING);
    assertThat(index.remove(-3)).isEqualTo(OrderIndex.MISSING);
  }
}
