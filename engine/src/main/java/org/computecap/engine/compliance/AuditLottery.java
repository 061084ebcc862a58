package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeded audit draw of one period (P2 Sec 3.3, 6; SPEC §7.5). Candidates are visited in account
 * order and each takes exactly one draw {@code u} uniform in {@code [0, 10^6)}, so adding a meter
 * reading for one participant never shifts anyone else's draw. A candidate is drawn when {@code u <
 * rho}, or {@code u < rho_targeted} when its meter reading exceeds its report by more than the
 * threshold ({@code m·10^6 > r·(10^6 + X)}: signal-based targeting) or attested metering signals it
 * (issue 17). When more are drawn than the budget's {@code floor(B/k)} audits, the same generator
 * shuffles the drawn (Fisher-Yates) and the first {@code floor(B/k)} are kept: the excess is
 * dropped in seeded random order, not by account id, so low ids gain nothing.
 */
public final class AuditLottery {
  private static final long PPM = 1_000_000L;

  private AuditLottery() {}

  /** Outcome: audited and dropped accounts, and those whose draw was targeted; all sorted. */
  public record Draw(List<Long> audited, List<Long> dropped, List<Long> targeted) {
    public Draw {
      audited = List.copyOf(audited);
      dropped = List.copyOf(dropped);
      targeted = List.copyOf(targeted);
    }
  }

  /** Draws among {@code candidates}, which must be sorted by account id without repeats. */
  public static Draw draw(
      List<AuditCandidate> candidates,
      long probabilityPpm,
      long targetedProbabilityPpm,
      long meterExcessThresholdPpm,
      long maxAudits,
      SplitMix64 rng) {
    return draw(
        candidates,
        probabilityPpm,
        targetedProbabilityPpm,
        meterExcessThresholdPpm,
        maxAudits,
        null,
        rng);
  }

  /**
   * The same draw with escalation (issue 17): candidate {@code i}'s probability is raised by {@code
   * raisePpm[i]} (at most to 10^6); null for no raises. The draws themselves are the same, so
   * raising one account's probability never shifts anyone else's.
   */
  public static Draw draw(
      List<AuditCandidate> candidates,
      long probabilityPpm,
      long targetedProbabilityPpm,
      long meterExcessThresholdPpm,
      long maxAudits,
      long[] raisePpm,
      SplitMix64 rng) {
    List<Long> drawn = new ArrayList<>();
    List<Long> targeted = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < candidates.size(); i++) {
      AuditCandidate c = candidates.get(i);
      if (i > 0 && c.account() <= previous) {
        throw new IllegalArgumentException(
            "candidates: account " + c.account() + " is out of order or repeated");
      }
      previous = c.account();
      boolean isTargeted = c.attestedSignal() || meterExceedsReport(c, meterExcessThresholdPpm);
      if (isTargeted) {
        targeted.add(c.account());
      }
      long u = rng.nextBelow(PPM);
      long probability = isTargeted ? targetedProbabilityPpm : probabilityPpm;
      if (raisePpm != null) {
        probability = Math.min(PPM, probability + raisePpm[i]);
      }
      if (u < probability) {
        drawn.add(c.account());
      }
    }
    if (drawn.size() <= maxAudits) {
      return new Draw(drawn, List.of(), targeted);
    }
    for (int i = drawn.size() - 1; i > 0; i--) {
      int j = (int) rng.nextBelow(i + 1L);
      Long t = drawn.get(i);
      drawn.set(i, drawn.get(j));
      drawn.set(j, t);
    }
    List<Long> audited = new ArrayList<>(drawn.subList(0, (int) maxAudits));
    List<Long> dropped = new ArrayList<>(drawn.subList((int) maxAudits, drawn.size()));
    audited.sort(null);
    dropped.sort(null);
    return new Draw(audited, dropped, targeted);
  }

  /** Whether the meter read more than {@code (1 + X)} times the report. */
  static boolean meterExceedsReport(AuditCandidate c, long thresholdPpm) {
    if (!c.hasMeterReading()) {
      return false;
    }
    // m · 10^6 > r · (10^6 + X), compared in 128 bits (every factor is non-negative).
    long m = c.meterReading();
    long r = c.reportedQuantity();
    long bound = PPM + thresholdPpm;
    long meterHigh = Math.multiplyHigh(m, PPM);
    long boundHigh = Math.multiplyHigh(r, bound);
    return meterHigh != boundHigh
        ? meterHigh > boundHigh
        : Long.compareUnsigned(m * PPM, r * bound) > 0;
  }
}
