package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.registry.Hold;
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
  void a_program_whose_first_period_is_negative_is_refused_by_name() {
    Engine engine = new Engine(TestPrograms.PARSER);
    String negative = YAML.replace("first: 2026", "first: -1");
    assertThatThrownBy(() -> engine.apply(0, new OpenMarket(negative, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periods.first");
    assertThat(engine.state().isOpen()).isFalse();
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

  @Test
  void every_feature_state_exists_from_the_moment_the_market_opens() {
    Engine engine = new Engine(TestPrograms.PARSER);
    assertThat(engine.state().featureOrNull(FeatureState.class)).isNull();
    assertThatThrownBy(() -> engine.state().exchange()).hasMessageContaining("not open");
    engine.apply(0, new OpenMarket(YAML, 5));
    EngineState state = engine.state();
    assertThat(state.features())
        .extracting(FeatureState::name)
        .containsExactly("access", "allocation", "auction", "compliance", "exchange");
    assertThat(state.feature(ExchangeState.class)).isSameAs(state.exchange());
    assertThat(state.summary())
        .containsEntry("entries", 1L)
        .containsEntry("openOrders", 0L)
        .containsEntry("auctionsOpen", 0L)
        .containsEntry("permitsAllocatedFree", 0L);
  }

  @Test
  void a_rejected_feature_command_leaves_the_state_hash_as_it_was() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    engine.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    Result r = engine.apply(1, new CancelOrder(7, 1));
    assertThat(r.rejection()).isEqualTo(Rejection.UNKNOWN_ORDER);
    // A twin that was refused something else differs in nothing: a rejection moves only the seq.
    Engine twin = TestPrograms.openEngine(2026, 100, true);
    twin.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    twin.apply(1, new CancelOrder(8, 1));
    assertThat(twin.stateHash()).isEqualTo(engine.stateHash());
  }

  @Test
  void a_broken_invariant_stops_the_engine_for_good() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    engine.apply(1, new OpenAccount(1, "a", Role.PARTICIPANT));
    engine.apply(1, new DepositCash(1, 10));
    // A reservation no resting order explains: the exchange's invariant must catch it.
    engine.state().ledger().reserveCash(1, 5, Hold.EXCHANGE);
    assertThatThrownBy(engine::checkInvariants)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("resting orders hold 0 cents");
    assertThatThrownBy(() -> engine.apply(1, new OpenAccount(2, "b", Role.PARTICIPANT)))
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
    assertThatThrownBy(() -> engine.state().ledger().deposit(2, 6))
        .isInstanceOf(ArithmeticException.class);
    assertThat(engine.stateHash()).isEqualTo(before);
    engine.checkInvariants();
    assertThat(engine.apply(3, new DepositCash(2, 5)).isAccepted()).isTrue();
  }

  @Test
  void every_feature_reads_the_one_program_parsed_at_open() {
    Engine engine = TestPrograms.openEngine(2026, 100, true);
    assertThat(engine.state().program().capPermits(2026)).isEqualTo(100);
    assertThat(engine.state().program()).isSameAs(engine.state().program());
    assertThat(engine.state().program().exchange().lotPermits()).isEqualTo(1);
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
    engine.state().ledger().issue(1, 2026, 100);
    engine.checkInvariants();
    assertThatThrownBy(() -> engine.state().ledger().issue(1, 2026, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("within the cap");
  }
}
