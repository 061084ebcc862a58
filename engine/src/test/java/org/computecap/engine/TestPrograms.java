package org.computecap.engine;

import org.computecap.engine.command.OpenMarket;

/**
 * Complete programs for core's tests, in the real format and read by the real loader: the numbers
 * core cares about (first period, cap, its linear reduction, banking) vary; the rest is fixed (free
 * allocation UNIFORM, no audits, tick and lot 1). The cap of period t is {@code max(0, start -
 * floor((t - first) * start * ppm / 1e6))}.
 */
public final class TestPrograms {
  private TestPrograms() {}

  /** The engine's parser. */
  public static final ProgramParser PARSER = ProgramParser.standard();

  /** A complete program text with these numbers (and a fixed rest). */
  public static String yaml(int firstPeriod, long cap, boolean banking) {
    return yaml(firstPeriod, cap, 0, banking);
  }

  /** A complete program text whose cap falls by {@code reductionPpm} of the start each period. */
  public static String yaml(int firstPeriod, long cap, long reductionPpm, boolean banking) {
    return """
        name: test program
        coveredQuantity: inference energy
        unit: kWh
        scope: INFERENCE
        periods:
          first: %d
          count: 50
          label: yearly
        cap:
          startPermits: %d
          linearReductionPpm: %d
        allocation:
          method: UNIFORM
          freeSharePpm: 1000000
          benchmarkPercentilePpm: 100000
          activityChangeThresholdPpm: 150000
          newEntrantReservePpm: 0
        risk:
          alphaPpm: 2000000
          unevaluatedSignal: L
        penalty:
          linearCentsPerPermit: 10000
          quadraticCentsPerPermitSquared: 0
          makeGood: true
        audit:
          probabilityPpm: 0
          targetedProbabilityPpm: 0
          meterExcessThresholdPpm: 100000
          auditCostCents: 0
          budgetPerPeriodCents: 0
          noiseSigma: 0
        banking: %s
        auction:
          reservePriceCents: 0
          purchaseLimitPpm: 1000000
        insurance:
          premiumLowCentsPerUnit: 0
          premiumHighCentsPerUnit: 0
        exchange:
          tickCents: 1
          lotPermits: 1
          selfTradePrevention: true
          books: PER_VINTAGE
        """
        .formatted(firstPeriod, cap, reductionPpm, banking);
  }

  /** A fresh engine already opened under {@code yaml(firstPeriod, cap, banking)}. */
  public static Engine openEngine(int firstPeriod, long cap, boolean banking) {
    Engine engine = new Engine(PARSER);
    Result r = engine.apply(0, new OpenMarket(yaml(firstPeriod, cap, banking), 42));
    if (!r.isAccepted()) {
      throw new AssertionError("open failed: " + r);
    }
    return engine;
  }
}
