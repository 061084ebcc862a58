package org.computecap.engine.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The serial ranges against a naive model (a sorted set of single serials per account), over seeded
 * random movements that fragment holdings the way trading does.
 */
class SerialRangesTest {
  /** The pieces of the last move, {@code [start, end)} pairs. */
  private final List<long[]> pieces = new ArrayList<>();

  private final SerialRanges.Pieces log = (s, e) -> pieces.add(new long[] {s, e});

  private List<long[]> drain() {
    List<long[]> out = new ArrayList<>(pieces);
    pieces.clear();
    return out;
  }

  @Test
  void adding_a_range_that_touches_a_neighbour_joins_them() {
    SerialRanges s = new SerialRanges();
    s.add(1, 5);
    s.add(10, 15);
    s.add(5, 10);
    assertThat(s.toArray()).containsExactly(1, 15);
    s.add(20, 21);
    s.add(16, 20);
    assertThat(s.toArray()).containsExactly(1, 15, 16, 21);
    assertThat(s.total()).isEqualTo(19);
  }

  @Test
  void a_range_already_held_in_part_is_a_broken_ledger() {
    SerialRanges s = new SerialRanges();
    s.add(10, 20);
    assertThatThrownBy(() -> s.add(19, 25)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> s.add(5, 11)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> s.add(12, 13)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> s.add(7, 7)).isInstanceOf(AssertionError.class);
    assertThat(s.toArray()).containsExactly(10, 20);
  }

  @Test
  void moving_takes_the_lowest_serials_across_ranges_and_logs_each_piece() {
    SerialRanges from = new SerialRanges();
    from.add(1, 4);
    from.add(10, 20);
    SerialRanges to = new SerialRanges();
    to.add(4, 10);
    from.moveLowest(5, to, log);
    assertThat(from.toArray()).containsExactly(12, 20);
    assertThat(to.toArray()).containsExactly(1, 12);
    assertThat(drain()).containsExactly(new long[] {1, 4}, new long[] {10, 12});
  }

  @Test
  void removing_a_range_inside_a_held_one_splits_it() {
    SerialRanges s = new SerialRanges();
    s.add(1, 20);
    s.remove(5, 8);
    assertThat(s.toArray()).containsExactly(1, 5, 8, 20);
    s.remove(1, 5);
    s.remove(15, 20);
    assertThat(s.toArray()).containsExactly(8, 15);
    assertThat(s.total()).isEqualTo(7);
    assertThatThrownBy(() -> s.remove(14, 16)).isInstanceOf(AssertionError.class);
    s.removeOverlap(0, 10);
    assertThat(s.toArray()).containsExactly(10, 15);
    assertThat(s.containsAll(11, 15)).isTrue();
    assertThat(s.containsAll(9, 12)).isFalse();
  }

  @Test
  void random_movements_match_a_set_of_single_serials() {
    for (long seed = 1; seed <= 20; seed++) {
      randomRun(seed);
    }
  }

  private void randomRun(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int accounts = 2 + rnd.nextInt(8);
    List<SerialRanges> ranges = new ArrayList<>();
    List<TreeSet<Long>> model = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      ranges.add(new SerialRanges());
      model.add(new TreeSet<>());
    }
    long issued = 0;
    for (int step = 0; step < 3_000; step++) {
      int a = rnd.nextInt(accounts);
      if (rnd.nextInt(10) == 0) {
        long q = 1 + rnd.nextInt(40);
        ranges.get(a).add(issued + 1, issued + q + 1);
        for (long x = issued + 1; x <= issued + q; x++) {
          model.get(a).add(x);
        }
        issued += q;
        continue;
      }
      int b = (a + 1 + rnd.nextInt(accounts - 1)) % accounts;
      long held = ranges.get(a).total();
      if (held == 0) {
        continue;
      }
      long q = 1 + rnd.nextLong(Math.min(held, 12));
      ranges.get(a).moveLowest(q, ranges.get(b), log);
      long logged = 0;
      for (long[] m : drain()) {
        logged += m[1] - m[0];
        assertThat(m[0]).isEqualTo(model.get(a).first());
        for (long x = m[0]; x < m[1]; x++) {
          assertThat(model.get(a).pollFirst()).isEqualTo(x);
          model.get(b).add(x);
        }
      }
      assertThat(logged).as("seed %d step %d", seed, step).isEqualTo(q);
    }
    for (int a = 0; a < accounts; a++) {
      assertThat(ranges.get(a).toArray())
          .as("seed %d", seed)
          .containsExactly(toRanges(model.get(a)));
      assertThat(ranges.get(a).total()).isEqualTo(model.get(a).size());
      ranges.get(a).check(model.get(a).size(), a, 1);
      for (long x = 1; x <= issued; x++) {
        assertThat(ranges.get(a).contains(x)).isEqualTo(model.get(a).contains(x));
      }
    }
  }

  /** The set as joined {@code [start, end)} pairs. */
  private static long[] toRanges(TreeSet<Long> serials) {
    List<Long> out = new ArrayList<>();
    for (long x : serials) {
      if (!out.isEmpty() && out.get(out.size() - 1) == x) {
        out.set(out.size() - 1, x + 1);
      } else {
        out.add(x);
        out.add(x + 1);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
