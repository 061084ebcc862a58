package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.FeatureState;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.allocation.AllocationState;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.compliance.ComplianceState;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.stability.StabilityState;

/**
 * A test market under the real program parser: every command goes through the codec (so the journal
 * encoding is exercised), invariants are checked after each one, and a rejection must leave the
 * state hash untouched.
 */
final class RulesMarket {
  static final CommandCodec CODEC = CommandCodec.standard();
  final Engine engine = new Engine(ProgramParser.standard());
  private long tick = 1;

  RulesMarket(String programYaml, long seed) {
    ok(new OpenMarket(programYaml, seed));
  }

  Result apply(Command c) {
    Command decoded = CODEC.decode(CODEC.encode(c));
    assertThat(decoded).isEqualTo(c);
    Result r = engine.apply(tick++, decoded);
    engine.checkInvariants();
    return r;
  }

  List<Event> ok(Command c) {
    Result r = apply(c);
    assertThat(r.isAccepted()).as("%s accepted, got %s", c, r).isTrue();
    return r.events();
  }

  void rejected(Command c, Rejection expected) {
    byte[] before = businessHash();
    Result r = apply(c);
    assertThat(r.rejection()).as("%s", c).isEqualTo(expected);
    assertThat(businessHash()).as("state after rejected %s", c).isEqualTo(before);
  }

  /** The hash of the ledger and the rules features (not seq and tick: every command moves them). */
  byte[] businessHash() {
    CanonicalWriter w = new CanonicalWriter();
    engine.state().registry().writeCanonical(w);
    for (Class<? extends FeatureState> type :
        List.of(
            AllocationState.class,
            AuctionState.class,
            ComplianceState.class,
            StabilityState.class)) {
      FeatureState f = engine.state().featureOrNull(type);
      w.writeBoolean(f != null);
      if (f != null) {
        f.writeCanonical(w);
      }
    }
    return w.finish();
  }

  <T extends Event> T event(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  <T extends Event> List<T> events(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  void participant(long id, long cashCents) {
    ok(new OpenAccount(id, "p" + id, Role.PARTICIPANT));
    if (cashCents > 0) {
      ok(new DepositCash(id, cashCents));
    }
  }

  Registry registry() {
    return engine.state().registry();
  }

  /** A program with every section, whose lines tests replace to vary one rule. */
  static String program() {
    return """
        name: test program
        coveredQuantity: compute
        unit: PFLOP
        scope: ALL
        periods:
          first: 1
          count: 3
          label: yearly
        cap:
          startPermits: 10000
          linearReductionPpm: 100000
        allocation:
          method: BENCHMARK
          freeSharePpm: 600000
          benchmarkPercentilePpm: 500000
          activityChangeThresholdPpm: 150000
          newEntrantReservePpm: 100000
        risk:
          alphaPpm: 3000000
          unevaluatedSignal: L
        penalty:
          linearCentsPerPermit: 100
          quadraticCentsPerPermitSquared: 1
          makeGood: true
        audit:
          probabilityPpm: 0
          targetedProbabilityPpm: 1000000
          meterExcessThresholdPpm: 100000
          auditCostCents: 1000
          budgetPerPeriodCents: 5000
        banking: true
        auction:
          reservePriceCents: 100
          purchaseLimitPpm: 500000
        insurance:
          premiumLowCentsPerUnit: 2
          premiumHighCentsPerUnit: 9
        """;
  }
}
