package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.registry.Role;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final String YAML = TestPrograms.yaml(2026, 100, true);

  @Test
  void the_market_opens_once() {
    Engine engine = new Engine(TestPrograms.PARSER);
    assertThat(engine.apply(0, new OpenMarket(YAML, 5)).events())
        .containsExactly(new MarketOpened(2026, 5));
    assertThat(engine.apply(0, new OpenMarket(YAML, 6)).rejection())
        .isEqualTo(Rejection.MARKET_ALREADY_OPEN);
    assertThat(engine.state().seed()).isEqualTo(5);
    assertThat(engine.state().currentPeriod()).isEqualTo(2026);
  }

  @Test
  void a_program_the_parser_refuses_leaves_the_engine_unopened_and_uncounted() {
    Engine engine =
        new Engine(
            text -> {
              throw new IllegalArgumentException("cap.startPermits: -1 is below 0");
            });
    assertThatThrownBy(() -> engine.apply(0, new OpenMarket(YAML, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cap.startPermits");
    assertThat(engine.state().isOpen()).isFalse();
    assertThat(engine.state().seq()).isZero();
  }

  @Test
  void a_program_whose_first_period_is_negative_is_refused() {
    Engine engine =
        new Engine(
            text ->
                new ProgramRules() {
                  @Override
                  public int firstPeriod() {
                    return -1;
                  }

                  @Override
                  public long capPermits(int period) {
                    return 1;
                  }

                  @Override
                  public boolean bankingEnabled() {
                    return true;
                  }
                });
    assertThatThrownBy(() -> engine.apply(0, new OpenMarket(YAML, 1)))
        .hasMessageContaining("firstPeriod must be >= 0");
  }

  @Test
  void ticks_never_go_back() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    engine.apply(10, new OpenAccount(1, "a", Role.PARTICIPANT));
    assertThatThrownBy(() -> engine.apply(9, new DepositCash(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tick must be >= 10");
    assertThat(engine.state().seq()).isEqualTo(2);
  }

  @Test
  void the_same_commands_give_the_same_state_hash_and_any_difference_changes_it() {
    Engine a = history(1_000);
    Engine b = history(1_000);
    Engine c = history(1_001);
    assertThat(a.stateHash()).isEqualTo(b.stateHash()).hasSize(32);
    assertThat(a.stateHash()).isNotEqualTo(c.stateHash());
    assertThat(new Engine(TestPrograms.PARSER).stateHash()).isNotEqualTo(a.stateHash());
  }

  private static Engine history(long cents) {
    Engine e = TestPrograms.openEngine(2026, 100, true);
    e.apply(1, new OpenAccount(2, "b", Role.PARTICIPANT));
    e.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    e.apply(2, new DepositCash(1, cents));
    return e;
  }

  /** A stand-in for a feature's state, to check the engine's hooks for features. */
  static final class Counter implements FeatureState {
    long count;
    boolean broken;

    @Override
    public String name() {
      return "counter";
    }

    @Override
    public void writeCanonical(CanonicalWriter w) {
      w.writeLong(count);
    }

    @Override
    public void checkInvariants(EngineState state) {
      if (broken) {
        throw new AssertionError("counter broken");
      }
    }

    @Override
    public void describe(SortedMap<String, Long> summary) {
      summary.put("counted", count);
    }
  }

  @Test
  void a_feature_state_is_created_once_and_takes_part_in_hash_invariants_and_summary() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    byte[] without = engine.stateHash();
    Counter counter = engine.state().feature(Counter.class, Counter::new);
    assertThat(engine.state().feature(Counter.class, Counter::new)).isSameAs(counter);
    byte[] with = engine.stateHash();
    assertThat(with).isNotEqualTo(without);
    counter.count++;
    assertThat(engine.stateHash()).isNotEqualTo(with);
    assertThat(engine.state().summary())
        .containsEntry("counted", 1L)
        .containsEntry("entries", 1L)
        .containsEntry("permitsIssued", 0L)
        .containsEntry("openOrders", 0L);
    counter.broken = true;
    assertThatThrownBy(engine::checkInvariants).hasMessage("counter broken");
  }

  @Test
  void a_broken_invariant_stops_the_engine_for_good() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    Counter counter = engine.state().feature(Counter.class, Counter::new);
    counter.broken = true;
    assertThatThrownBy(engine::checkInvariants).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> engine.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  void a_deposit_that_would_overflow_the_ledger_is_refused_and_changes_nothing() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    engine.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    engine.apply(1, new OpenAccount(2, "b", Role.PARTICIPANT));
    engine.apply(2, new DepositCash(1, Long.MAX_VALUE - 5));
    byte[] before = engine.stateHash();
    assertThatThrownBy(() -> engine.apply(3, new DepositCash(2, 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amountCents");
    assertThatThrownBy(() -> engine.state().registry().deposit(2, 6))
        .isInstanceOf(ArithmeticException.class);
    assertThat(engine.stateHash()).isEqualTo(before);
    engine.checkInvariants();
    assertThat(engine.apply(3, new DepositCash(2, 5)).isAccepted()).isTrue();
  }

  @Test
  void the_program_is_reachable_as_the_class_its_parser_made() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    assertThat(engine.state().program(ProgramRules.class).capPermits(2026)).isEqualTo(100);
    assertThatThrownBy(() -> engine.state().program(String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a java.lang.String");
  }

  @Test
  void the_state_of_an_unopened_market_cannot_be_read_as_if_open() {
    Engine engine = new Engine(TestPrograms.PARSER);
    assertThatThrownBy(() -> engine.state().registry())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not open");
    engine.checkInvariants();
  }

  @Test
  void issuing_more_than_the_caps_so_far_is_caught_by_the_invariants() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    engine.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    engine.state().registry().issue(1, 2026, 100);
    engine.checkInvariants();
    assertThatThrownBy(() -> engine.state().registry().issue(1, 2026, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("within the cap");
  }
}
