package org.computecap.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.computecap.engine.command.OpenMarket;

/**
 * A stand-in for the rules feature's program loader, in test code only, so core's tests do not
 * depend on it. It reads the few fields core needs from a program in the real format ({@code
 * periods.first}, {@code cap.startPermits}, {@code cap.linearReductionPpm}, {@code banking}) and
 * ignores every other field, so the programs used here are real programs. The cap of period t is
 * {@code max(0, start - floor((t - first) * start * ppm / 1e6))}.
 */
public final class TestPrograms {
  private static final YAMLMapper MAPPER = new YAMLMapper();

  private TestPrograms() {}

  /** The test parser. */
  public static final ProgramParser PARSER = TestPrograms::parse;

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

  static ProgramRules parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    JsonNode first = root.path("periods").path("first");
    JsonNode start = root.path("cap").path("startPermits");
    if (!first.canConvertToInt() || !start.canConvertToLong()) {
      throw new IllegalArgumentException("periods.first and cap.startPermits are required");
    }
    return new Rules(
        first.asInt(),
        start.asLong(),
        root.path("cap").path("linearReductionPpm").asLong(0),
        root.path("banking").asBoolean(true));
  }

  private record Rules(int firstPeriod, long start, long reductionPpm, boolean banking)
      implements ProgramRules {
    @Override
    public long capPermits(int period) {
      if (period < firstPeriod) {
        throw new IllegalArgumentException("period must be >= " + firstPeriod);
      }
      long cut =
          Math.multiplyExact(Math.multiplyExact((long) period - firstPeriod, start), reductionPpm)
              / 1_000_000L;
      return Math.max(0, start - cut);
    }

    @Override
    public boolean bankingEnabled() {
      return banking;
    }
  }
}
