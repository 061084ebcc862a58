package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.computecap.engine.Event;
import org.computecap.engine.program.CollateralForm;
import org.computecap.engine.program.EnforcementLevers;
import org.computecap.engine.program.Ppm;
import org.computecap.engine.registry.Ledger;

/**
 * What issue 17's levers make of an audit finding and of the audit draw. <b>Two-stage audits</b>:
 * the lottery draws screens; the engine decides with one seeded draw per account and period whether
 * the screen flags, from what the full audit found (an under-report is flagged unless the draw
 * falls below the false-negative rate; an honest report is flagged when it falls below the
 * false-positive rate), and only a flagged finding charges. In deployment the screen's result would
 * be recorded; the engine models it so that the levers can be studied with the stated error rates.
 * <b>Collateral</b>: a detected under-report forfeits it, and the fine is capped.
 * <b>Escalation</b>: a detected under-report raises the account's audit probability; every period
 * close decays it.
 */
final class AuditLevers {
  private static final long PPM = Ppm.ONE;

  /** Keeps the screen's draws apart from the audit lottery's ("SCREEN"). */
  private static final long SCREEN_DOMAIN = 0x5343_5245_454E_0000L;

  private AuditLevers() {}

  /** A finding after the levers: what is detected and charged, and the levers' events. */
  record Outcome(long extraPermits, long fineCents, List<Event> before, List<Event> after) {}

  /** Whether the screen of {@code account}'s report for {@code period} flags (pure). */
  static boolean flags(
      EnforcementLevers.TwoStage rule, long seed, int period, long account, boolean underReport) {
    SplitMix64 rng =
        new SplitMix64(SplitMix64.mix64(seed ^ SplitMix64.mix64(SCREEN_DOMAIN + period) ^ account));
    long u = rng.nextBelow(PPM);
    return underReport ? u >= rule.falseNegativePpm() : u < rule.falsePositivePpm();
  }

  /**
   * Applies the levers to a finding that, on its own, detects {@code extra} permits and charges
   * {@code fine} cents: called after every check, it mutates (forfeits collateral, raises the audit
   * probability, records an unflagged screen).
   */
  static Outcome apply(
      Ledger ledger,
      EnforcementState s,
      EnforcementLevers levers,
      long seed,
      long account,
      int period,
      long extra,
      long fine) {
    List<Event> before = new ArrayList<>();
    List<Event> after = new ArrayList<>();
    if (levers.twoStage().isOn()) {
      boolean flagged = flags(levers.twoStage(), seed, period, account, extra > 0);
      before.add(new AuditScreened(account, period, flagged));
      if (!flagged) {
        s.screenedClear.computeIfAbsent(period, p -> new TreeSet<>()).add(account);
        return new Outcome(0, 0, before, after);
      }
    }
    if (extra == 0) {
      return new Outcome(0, fine, before, after);
    }
    long forfeitedCents = 0;
    CollateralForfeited forfeited = CollateralRules.forfeit(ledger, s, account, period);
    if (forfeited != null) {
      before.add(forfeited);
      forfeitedCents = forfeited.form() == CollateralForm.CASH ? forfeited.amount() : 0;
    }
    long charged =
        levers.collateral().isOn()
            ? CollateralRules.cappedFine(levers.collateral(), fine, forfeitedCents)
            : fine;
    if (levers.escalation().isOn()) {
      long raised = Math.min(PPM, s.raisePpm(account) + levers.escalation().stepPpm());
      s.raisePpm.put(account, raised);
      after.add(new AuditProbabilityRaised(account, period, raised));
    }
    return new Outcome(extra, charged, before, after);
  }

  /** Each candidate's raise, in candidate order, for the lottery; null without escalation. */
  static long[] raises(EnforcementState s, List<AuditCandidate> candidates) {
    if (s == null || s.raisePpm.isEmpty()) {
      return null;
    }
    long[] out = new long[candidates.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.raisePpm(candidates.get(i).account());
    }
    return out;
  }

  /** After a period's draw: every raise loses {@code decayPpm} of itself, rounded up. */
  static void decay(EnforcementState s, EnforcementLevers.Escalation rule) {
    List<Long> settled = new ArrayList<>();
    for (Map.Entry<Long, Long> e : s.raisePpm.entrySet()) {
      long left = e.getValue() - Ppm.ceilOf(e.getValue(), rule.decayPpm());
      if (left <= 0) {
        settled.add(e.getKey());
      } else {
        e.setValue(left);
      }
    }
    for (long account : settled) {
      s.raisePpm.remove(account);
    }
  }
}
