package org.computecap.engine.program;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link Program} from YAML text and validates every field. The tree is walked by hand
 * instead of data-binding so that each error names the file, the dotted field path and the allowed
 * range ({@code program.yaml: penalty.linearCentsPerPermit: -5 is below 0}), unknown or duplicate
 * fields are refused by name, and fractional numbers never silently truncate. Loading is the
 * program's only entry point, so an invalid program never reaches the engine. The engine keeps the
 * program text in its genesis command and parses it here again on replay, so parsing must stay
 * deterministic.
 */
public final class ProgramLoader {
  private static final long PPM = Ppm.ONE;
  private static final long MAX_PERMITS = 1_000_000_000_000_000L;
  private static final long MAX_CENTS = 1_000_000_000_000_000_000L;

  /** The highest price a bid may carry (the command records' bound), so any price rule's too. */
  private static final long MAX_PRICE_CENTS = 1_000_000_000_000L;

  /** The longest delay or expiry in ticks (10^12 ms, about 31 years in the server). */
  private static final long MAX_TICKS = 1_000_000_000_000L;

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private ProgramLoader() {}

  /** Loads and validates the program in {@code file}; errors are prefixed with its name. */
  public static Program load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read program file " + file, e);
    }
    return parse(file.getFileName().toString(), text);
  }

  /**
   * Parses and validates YAML {@code text}; {@code source} (a file name) prefixes messages.
   *
   * @throws IllegalArgumentException naming the field and the allowed range
   */
  public static Program parse(String source, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping of program fields");
    }
    return new Reader(source).program(new Section(source, "", root));
  }

  /** Builds the program section by section; each section refuses fields it did not read. */
  private record Reader(String source) {
    Program program(Section root) {
      String name = root.text("name");
      String covered = root.text("coveredQuantity");
      String unit = root.text("unit");
      Scope scope = root.enumValue("scope", Scope.class, null);
      Program.Periods periods = periods(root.section("periods"));
      Program.Cap cap = cap(root.section("cap"));
      Program.Allocation allocation = allocation(root.section("allocation"));
      Program.Risk risk = risk(root.section("risk"));
      Program.Penalty penalty = penalty(root.section("penalty"));
      Program.Audit audit = audit(root.section("audit"));
      boolean banking = root.bool("banking", null);
      Program.Auction auction = auction(root.section("auction"), periods);
      Program.Insurance insurance = insurance(root.optionalSection("insurance"));
      Program.Exchange exchange = exchange(root.optionalSection("exchange"));
      StabilityReserve stability =
          root.has("stabilityReserve") ? stabilityReserve(root.section("stabilityReserve")) : null;
      PriceControls controls =
          new PriceControls(
              priceContainment(root.optionalSection("priceContainment"), periods),
              priceCeiling(root.optionalSection("priceCeiling"), periods));
      carveable(root, controls, periods, cap, allocation, auction, banking);
      RegistryControls registryControls =
          root.has("registryControls")
              ? registryControls(root.section("registryControls"))
              : RegistryControls.NONE;
      Representatives representatives =
          root.has("representatives") ? representatives(root.section("representatives")) : null;
      Metering metering = root.has("metering") ? metering(root.section("metering")) : null;
      EnforcementLevers enforcement =
          root.has("enforcement")
              ? enforcement(root.section("enforcement"))
              : EnforcementLevers.NONE;
      Linking linking = root.has("linking") ? linking(root.section("linking")) : null;
      root.refuseUnread();
      return new Program(
          name,
          covered,
          unit,
          scope,
          periods,
          cap,
          allocation,
          risk,
          penalty,
          audit,
          banking,
          auction,
          insurance,
          exchange,
          stability,
          controls,
          registryControls,
          representatives,
          metering,
          enforcement,
          linking);
    }

    /**
     * {@code linking} (issue 18): {@code exchangeRatePpm} in [1, 10^7] (units of this program one
     * permit of the origin becomes; 10^6 is one for one) and an optional {@code quotaPpm} in [0,
     * 10^6] (the most linked units a vintage may receive, a share of its cap; none when absent).
     */
    Linking linking(Section s) {
      long rate = s.whole("exchangeRatePpm", 1, 10_000_000L, null);
      long quota = s.has("quotaPpm") ? s.whole("quotaPpm", 0, Ppm.ONE, null) : Linking.NO_QUOTA;
      s.refuseUnread();
      return new Linking(rate, quota);
    }

    /**
     * {@code priceContainment}: tiers (at least one) of {@code volumePermits >= 1} at strictly
     * ascending {@code priceCents}, {@code triggerSharePpm} (0 .. 10^6, the share of the lowest
     * tier price the previous auction must reach) and {@code escalationPpm} (0 .. 10^6 a period,
     * default 0; the highest tier must stay within the price range in the last period).
     */
    PriceControls.Reserve priceContainment(Section s, Program.Periods periods) {
      if (s.isEmpty()) {
        return PriceControls.Reserve.NONE;
      }
      List<Section> tiers = s.list("tiers");
      List<PriceControls.Tier> parsed = new ArrayList<>();
      long total = 0;
      for (Section t : tiers) {
        long volume = t.whole("volumePermits", 1, MAX_PERMITS, null);
        long price = t.whole("priceCents", 1, MAX_PRICE_CENTS, null);
        t.refuseUnread();
        if (!parsed.isEmpty() && price <= parsed.get(parsed.size() - 1).priceCents()) {
          throw t.error("priceCents", ": " + price + " is not above the previous tier's price");
        }
        total += volume;
        if (total > MAX_PERMITS) {
          throw s.error("tiers", ": the tiers hold more than " + MAX_PERMITS + " permits");
        }
        parsed.add(new PriceControls.Tier(volume, price));
      }
      long share = s.whole("triggerSharePpm", 0, PPM, null);
      long escalation = s.whole("escalationPpm", 0, PPM, 0L);
      if (!parsed.isEmpty()) {
        long top = parsed.get(parsed.size() - 1).priceCents();
        s.escalationStaysBelow("escalationPpm", top, escalation, periods);
      }
      s.refuseUnread();
      return new PriceControls.Reserve(parsed, share, escalation);
    }

    /** {@code priceCeiling}: {@code priceCents >= 1} and {@code escalationPpm} (default 0). */
    PriceControls.Ceiling priceCeiling(Section s, Program.Periods periods) {
      if (s.isEmpty()) {
        return PriceControls.Ceiling.NONE;
      }
      long price = s.whole("priceCents", 1, MAX_PRICE_CENTS, null);
      long escalation = s.whole("escalationPpm", 0, PPM, 0L);
      s.escalationStaysBelow("escalationPpm", price, escalation, periods);
      s.refuseUnread();
      return new PriceControls.Ceiling(price, escalation);
    }

    /**
     * The reserve is carved out of the first period's auction volume (what is left of its cap after
     * the free budget and the cost containment reserve), and it holds first-vintage permits, which
     * only banking lets later periods use; the ceiling sits above the highest tier.
     */
    void carveable(
        Section root,
        PriceControls controls,
        Program.Periods periods,
        Program.Cap cap,
        Program.Allocation allocation,
        Program.Auction auction,
        boolean banking) {
      PriceControls.Reserve reserve = controls.reserve();
      if (!reserve.isOn()) {
        return;
      }
      if (!banking) {
        throw root.error(
            "priceContainment",
            ": needs banking: true (its permits are vintage " + periods.first() + ")");
      }
      long start = cap.startPermits();
      long room =
          start
              - Ppm.floorOf(start, allocation.freeSharePpm())
              - Math.min(
                  auction.costContainment().volume(),
                  start - Ppm.floorOf(start, allocation.freeSharePpm()));
      if (reserve.totalPermits() > room) {
        throw root.error(
            "priceContainment.tiers",
            ": "
                + reserve.totalPermits()
                + " permits exceed the first period's auction volume "
                + room);
      }
      long top = reserve.tiers().get(reserve.tiers().size() - 1).priceCents();
      if (controls.ceiling().isOn() && controls.ceiling().priceCents() <= top) {
        throw root.error(
            "priceCeiling.priceCents",
            ": " + controls.ceiling().priceCents() + " is not above the highest tier price " + top);
      }
      // Each escalates at its own rate: the ceiling must stay above the highest tier every period.
      for (int k = 1; k < periods.count() && controls.ceiling().isOn(); k++) {
        long tierK = Ppm.escalate(top, reserve.escalationPpm(), k);
        long ceilingK =
            Ppm.escalate(controls.ceiling().priceCents(), controls.ceiling().escalationPpm(), k);
        if (ceilingK <= tierK) {
          throw root.error(
              "priceContainment.escalationPpm",
              ": "
                  + reserve.escalationPpm()
                  + " raises the highest tier price to "
                  + tierK
                  + " cents in period "
                  + (periods.first() + k)
                  + ", not below the price ceiling's "
                  + ceilingK);
        }
      }
    }

    Program.Periods periods(Section s) {
      int first = (int) s.whole("first", 0, 100_000, 1L);
      int count = (int) s.whole("count", 1, 1000, null);
      String label = s.text("label");
      s.refuseUnread();
      return new Program.Periods(first, count, label);
    }

    Program.Cap cap(Section s) {
      long start = s.whole("startPermits", 1, MAX_PERMITS, null);
      long reduction = s.whole("linearReductionPpm", 0, PPM, null);
      s.refuseUnread();
      return new Program.Cap(start, reduction);
    }

    Program.Allocation allocation(Section s) {
      AllocationMethod method = s.enumValue("method", AllocationMethod.class, null);
      long free = s.whole("freeSharePpm", 0, PPM, null);
      long percentile = s.whole("benchmarkPercentilePpm", 1, PPM, 100_000L);
      long threshold = s.whole("activityChangeThresholdPpm", 0, 10 * PPM, 150_000L);
      long reserve = s.whole("newEntrantReservePpm", 0, free, 0L);
      s.refuseUnread();
      return new Program.Allocation(method, free, percentile, threshold, reserve);
    }

    Program.Risk risk(Section s) {
      long alpha = s.whole("alphaPpm", PPM + 1, 1000 * PPM, null);
      RiskSignal unevaluated = s.enumValue("unevaluatedSignal", RiskSignal.class, RiskSignal.H);
      s.refuseUnread();
      return new Program.Risk(alpha, unevaluated);
    }

    Program.Penalty penalty(Section s) {
      long linear = s.whole("linearCentsPerPermit", 0, 1_000_000_000_000L, null);
      long quadratic = s.whole("quadraticCentsPerPermitSquared", 0, 1_000_000_000_000L, null);
      boolean makeGood = s.bool("makeGood", Boolean.TRUE);
      s.refuseUnread();
      return new Program.Penalty(linear, quadratic, makeGood);
    }

    Program.Audit audit(Section s) {
      long rho = s.whole("probabilityPpm", 0, PPM, null);
      long targeted = s.whole("targetedProbabilityPpm", rho, PPM, rho);
      long excess = s.whole("meterExcessThresholdPpm", 0, 1000 * PPM, 100_000L);
      long cost = s.whole("auditCostCents", 0, MAX_CENTS, null);
      long budget = s.whole("budgetPerPeriodCents", 0, MAX_CENTS, null);
      BigDecimal sigma = s.decimal("noiseSigma", BigDecimal.ZERO);
      BigDecimal toleranceSigmas = s.decimal("toleranceSigmas", BigDecimal.ZERO);
      long tolerancePpm = s.whole("tolerancePpm", 0, PPM, 0L);
      s.refuseUnread();
      return new Program.Audit(
          rho, targeted, excess, cost, budget, sigma, toleranceSigmas, tolerancePpm);
    }

    Program.Auction auction(Section s, Program.Periods periods) {
      long reserve = s.whole("reservePriceCents", 0, MAX_PRICE_CENTS, null);
      long limit = s.whole("purchaseLimitPpm", 1, PPM, PPM);
      long escalation = s.whole("reservePriceEscalationPpm", 0, PPM, 0L);
      s.escalationStaysBelow("reservePriceEscalationPpm", reserve, escalation, periods);
      Program.Unsold unsold = unsold(s.optionalSection("unsold"));
      boolean cancel = s.bool("cancelWhenUndersubscribed", Boolean.FALSE);
      Program.Containment ccr = containment(s.optionalSection("costContainment"), periods);
      Program.Containment ecr = containment(s.optionalSection("emissionsContainment"), periods);
      if (ccr.isOn() && ecr.isOn()) {
        triggersOrdered(s, ccr, ecr, periods);
      }
      s.refuseUnread();
      return new Program.Auction(reserve, limit, escalation, unsold, cancel, ccr, ecr);
    }

    Program.Unsold unsold(Section s) {
      UnsoldPolicy policy = s.enumValue("policy", UnsoldPolicy.class, UnsoldPolicy.KEEP);
      if (policy != UnsoldPolicy.REOFFER && s.has("reofferMaxSharePpm")) {
        throw s.error("reofferMaxSharePpm", ": applies only to policy REOFFER, not " + policy);
      }
      long share = s.whole("reofferMaxSharePpm", 0, 10 * PPM, PPM);
      s.refuseUnread();
      return new Program.Unsold(policy, share);
    }

    /** An absent section is no reserve; a present one needs its trigger and a volume >= 1. */
    Program.Containment containment(Section s, Program.Periods periods) {
      if (s.isEmpty()) {
        return Program.Containment.NONE;
      }
      long trigger = s.whole("triggerPriceCents", 0, MAX_PRICE_CENTS, null);
      long volume = s.whole("volume", 1, MAX_PERMITS, null);
      long escalation = s.whole("escalationPpm", 0, PPM, 0L);
      s.escalationStaysBelow("escalationPpm", trigger, escalation, periods);
      s.refuseUnread();
      return new Program.Containment(trigger, volume, escalation);
    }

    /**
     * The emissions containment trigger must stay below the cost containment trigger in every
     * period (they may escalate at different rates), so at most one of them acts in an auction.
     */
    void triggersOrdered(
        Section s, Program.Containment ccr, Program.Containment ecr, Program.Periods periods) {
      for (int k = 0; k < periods.count(); k++) {
        long low = Ppm.escalate(ecr.triggerPriceCents(), ecr.escalationPpm(), k);
        long high = Ppm.escalate(ccr.triggerPriceCents(), ccr.escalationPpm(), k);
        if (low >= high) {
          throw s.error(
              "emissionsContainment.triggerPriceCents",
              ": "
                  + low
                  + " in period "
                  + (periods.first() + k)
                  + " is not below costContainment.triggerPriceCents "
                  + high);
        }
      }
    }

    /**
     * The EU MSR type rule (issue 14): every field but the invalidation limit is required, and the
     * thresholds must be ordered {@code releaseThreshold <= lower <= upper} as the bands need.
     */
    StabilityReserve stabilityReserve(Section s) {
      long upper = s.whole("upperThresholdPermits", 0, MAX_PERMITS, null);
      long lower = s.whole("lowerThresholdPermits", 0, MAX_PERMITS, null);
      s.notAbove("lowerThresholdPermits", lower, "upperThresholdPermits", upper);
      long rate = s.whole("intakeRatePpm", 0, PPM, null);
      long release = s.whole("releaseThresholdPermits", 0, MAX_PERMITS, null);
      s.notAbove("releaseThresholdPermits", release, "lowerThresholdPermits", lower);
      long volume = s.whole("releaseVolumePermits", 0, MAX_PERMITS, null);
      long limit = s.whole("invalidationLimitPermits", 0, MAX_PERMITS, StabilityReserve.NO_LIMIT);
      s.refuseUnread();
      return new StabilityReserve(upper, lower, rate, release, volume, limit);
    }

    /**
     * Issue 15's controls: {@code minimumPerAccount} and {@code approvalExpiryTicks} always; the
     * optional {@code fourEyes} and {@code trustedList} subsections turn those rules on.
     */
    Representatives representatives(Section s) {
      long minimum = s.whole("minimumPerAccount", 1, 100, 1L);
      long expiry = s.whole("approvalExpiryTicks", 1, MAX_TICKS, null);
      boolean regulator = s.bool("regulatorFourEyes", false);
      boolean fourEyes = s.has("fourEyes");
      Section f = s.optionalSection("fourEyes");
      long abovePermits = f.whole("abovePermits", 0, MAX_PERMITS, 0L);
      long aboveCents = f.whole("aboveCents", 0, MAX_CENTS, 0L);
      f.refuseUnread();
      boolean trusted = s.has("trustedList");
      Section t = s.optionalSection("trustedList");
      long entryDelay = t.whole("entryDelayTicks", 0, MAX_TICKS, 0L);
      long untrustedDelay = t.whole("untrustedDelayTicks", 0, MAX_TICKS, 0L);
      long untrustedMax = t.whole("untrustedMaxPermits", 0, MAX_PERMITS, MAX_PERMITS);
      t.refuseUnread();
      s.refuseUnread();
      return new Representatives(
          (int) minimum,
          expiry,
          fourEyes,
          abovePermits,
          aboveCents,
          regulator,
          trusted,
          entryDelay,
          untrustedDelay,
          untrustedMax);
    }

    /**
     * {@code registryControls} (issue 15): {@code lateSurrender}, REFUSED (the default) or
     * CREDIT_MAKE_GOOD, and an optional {@code holdingLimit} ({@code basePermits} in [0, 10^15],
     * {@code baseSharePpm} and {@code aboveBaseSharePpm} in [0, 10^6], not both 0). The section
     * itself turns the account lifecycle on.
     */
    RegistryControls registryControls(Section s) {
      LateSurrenderPolicy late =
          s.enumValue("lateSurrender", LateSurrenderPolicy.class, LateSurrenderPolicy.REFUSED);
      RegistryControls.HoldingLimit limit = RegistryControls.HoldingLimit.NONE;
      if (s.has("holdingLimit")) {
        Section h = s.section("holdingLimit");
        long base = h.whole("basePermits", 0, MAX_PERMITS, null);
        long baseShare = h.whole("baseSharePpm", 0, PPM, null);
        long aboveShare = h.whole("aboveBaseSharePpm", 0, PPM, null);
        h.refuseUnread();
        if (baseShare == 0 && aboveShare == 0) {
          throw h.error(
              "aboveBaseSharePpm", ": 0 with baseSharePpm 0 would let no account hold a permit");
        }
        limit = new RegistryControls.HoldingLimit(base, baseShare, aboveShare);
      } else {
        s.value("holdingLimit", false);
      }
      s.refuseUnread();
      return new RegistryControls(true, late, limit);
    }

    /**
     * {@code metering} (issue 17): {@code attested} SETTLES, AUDIT_SIGNAL or OFF (the default),
     * {@code measures} ENERGY or COMPUTE, and the size of one covered unit in the reading's own
     * units: {@code unitJoules} (ENERGY) or {@code unitGflop} (COMPUTE), 1 .. 10^15.
     */
    Metering metering(Section s) {
      // An unquoted OFF is YAML 1.1's boolean false, and means OFF here.
      AttestedUse attested =
          s.isFalse("attested")
              ? AttestedUse.OFF
              : s.enumValue("attested", AttestedUse.class, AttestedUse.OFF);
      MeteredQuantity measures = s.enumValue("measures", MeteredQuantity.class, null);
      long joules = 0;
      long gflop = 0;
      if (measures == MeteredQuantity.ENERGY) {
        joules = s.whole("unitJoules", 1, MAX_PERMITS, null);
      } else {
        gflop = s.whole("unitGflop", 1, MAX_PERMITS, null);
      }
      s.refuseUnread();
      return new Metering(attested, measures, joules, gflop);
    }

    /**
     * {@code enforcement} (issue 17), each subsection optional: {@code collateral} ({@code form}
     * CASH or PERMITS, {@code amount} in [1, 10^18] cents or [1, 10^15] permits, {@code
     * liabilityCapCents} in [0, 10^18], 0 for none), {@code twoStageAudit} ({@code
     * falseNegativePpm} and {@code falsePositivePpm} in [0, 10^6]) and {@code escalation} ({@code
     * stepPpm} in [1, 10^6], {@code decayPpm} in [1, 10^6]).
     */
    EnforcementLevers enforcement(Section s) {
      EnforcementLevers.Collateral collateral = EnforcementLevers.Collateral.NONE;
      if (s.has("collateral")) {
        Section c = s.section("collateral");
        CollateralForm form = c.enumValue("form", CollateralForm.class, CollateralForm.CASH);
        long amount =
            c.whole("amount", 1, form == CollateralForm.CASH ? MAX_CENTS : MAX_PERMITS, null);
        long cap = c.whole("liabilityCapCents", 0, MAX_CENTS, 0L);
        if (cap > 0 && form == CollateralForm.CASH && cap < amount) {
          // The cap bounds forfeited cash and fine together: it must cover the collateral.
          throw c.error("liabilityCapCents", ": " + cap + " is below the collateral " + amount);
        }
        c.refuseUnread();
        collateral = new EnforcementLevers.Collateral(form, amount, cap);
      }
      EnforcementLevers.TwoStage twoStage = EnforcementLevers.TwoStage.NONE;
      if (s.has("twoStageAudit")) {
        Section t = s.section("twoStageAudit");
        long falseNegative = t.whole("falseNegativePpm", 0, PPM, null);
        long falsePositive = t.whole("falsePositivePpm", 0, PPM, null);
        t.refuseUnread();
        twoStage = new EnforcementLevers.TwoStage(true, falseNegative, falsePositive);
      }
      EnforcementLevers.Escalation escalation = EnforcementLevers.Escalation.NONE;
      if (s.has("escalation")) {
        Section e = s.section("escalation");
        long step = e.whole("stepPpm", 1, PPM, null);
        long decay = e.whole("decayPpm", 1, PPM, null);
        e.refuseUnread();
        escalation = new EnforcementLevers.Escalation(step, decay);
      }
      s.refuseUnread();
      EnforcementLevers levers = new EnforcementLevers(collateral, twoStage, escalation);
      if (!levers.isOn()) {
        throw s.error("collateral", ": the enforcement section needs at least one lever");
      }
      return levers;
    }

    Program.Insurance insurance(Section s) {
      long low = s.whole("premiumLowCentsPerUnit", 0, 1_000_000_000_000L, 0L);
      long high = s.whole("premiumHighCentsPerUnit", low, 1_000_000_000_000L, low);
      s.refuseUnread();
      return new Program.Insurance(low, high);
    }

    Program.Exchange exchange(Section s) {
      long tick = s.whole("tickCents", 1, 1_000_000_000L, 1L);
      long lot = s.whole("lotPermits", 1, 1_000_000_000L, 1L);
      boolean stp = s.bool("selfTradePrevention", Boolean.TRUE);
      BookLayout books = s.enumValue("books", BookLayout.class, BookLayout.PER_VINTAGE);
      s.refuseUnread();
      return new Program.Exchange(tick, lot, stp, books);
    }
  }

  /** One YAML mapping with the path that leads to it; remembers which fields were read. */
  private static final class Section {
    private final String source;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new LinkedHashSet<>();

    Section(String source, String path, JsonNode node) {
      this.source = source;
      this.path = path;
      this.node = node;
    }

    private String field(String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
      JsonNode v = node.get(name);
      return v != null && !v.isNull();
    }

    boolean isEmpty() {
      return node.isEmpty();
    }

    /** Whether the field is the YAML boolean false (YAML 1.1 reads an unquoted OFF or NO so). */
    boolean isFalse(String name) {
      JsonNode v = node.get(name);
      if (v != null && v.isBoolean() && !v.booleanValue()) {
        read.add(name);
        return true;
      }
      return false;
    }

    /**
     * Refuses an escalation rate that would lift {@code base} above the highest price a bid may
     * carry within the program's periods (then no bid could reach it, and the arithmetic must stay
     * in a {@code long}).
     */
    void escalationStaysBelow(String name, long base, long ratePpm, Program.Periods periods) {
      long v = base;
      for (int k = 1; k < periods.count() && ratePpm > 0; k++) {
        v = Ppm.escalate(v, ratePpm, 1);
        if (v > MAX_PRICE_CENTS) {
          throw error(
              name,
              ": "
                  + ratePpm
                  + " raises "
                  + base
                  + " cents to "
                  + v
                  + " in period "
                  + (periods.first() + k)
                  + ", above "
                  + MAX_PRICE_CENTS);
        }
      }
    }

    /** Refuses {@code value} of field {@code name} above field {@code boundName}'s value. */
    void notAbove(String name, long value, String boundName, long bound) {
      if (value > bound) {
        throw error(name, ": " + value + " is above " + field(boundName) + " " + bound);
      }
    }

    IllegalArgumentException error(String name, String message) {
      return new IllegalArgumentException(source + ": " + field(name) + message);
    }

    private JsonNode value(String name, boolean required) {
      read.add(name);
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          throw error(name, " is missing");
        }
        return null;
      }
      return v;
    }

    /** A required, non-empty list of mappings; each element's path is {@code name[i]}. */
    List<Section> list(String name) {
      JsonNode v = value(name, true);
      if (!v.isArray() || v.isEmpty()) {
        throw error(name, ": expected a non-empty list of mappings");
      }
      List<Section> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isObject()) {
          throw error(name + "[" + i + "]", ": expected a mapping of fields");
        }
        out.add(new Section(source, field(name + "[" + i + "]"), v.get(i)));
      }
      return out;
    }

    Section section(String name) {
      JsonNode v = value(name, true);
      if (!v.isObject()) {
        throw error(name, ": expected a mapping of fields");
      }
      return new Section(source, field(name), v);
    }

    /** An absent section reads as an empty one, so every field takes its default. */
    Section optionalSection(String name) {
      JsonNode v = value(name, false);
      if (v == null) {
        return new Section(source, field(name), MAPPER.createObjectNode());
      }
      if (!v.isObject()) {
        throw error(name, ": expected a mapping of fields");
      }
      return new Section(source, field(name), v);
    }

    String text(String name) {
      JsonNode v = value(name, true);
      if (!v.isTextual() || v.asText().isBlank()) {
        throw error(name, ": expected non-blank text");
      }
      if (v.asText().length() > 200) {
        throw error(name, ": is longer than 200 characters");
      }
      return v.asText();
    }

    long whole(String name, long min, long max, Long fallback) {
      JsonNode v = value(name, fallback == null);
      if (v == null) {
        return fallback;
      }
      BigInteger n = integral(name, v);
      if (n.compareTo(BigInteger.valueOf(min)) < 0) {
        throw error(name, ": " + n + " is below " + min);
      }
      if (n.compareTo(BigInteger.valueOf(max)) > 0) {
        throw error(name, ": " + n + " is above " + max);
      }
      return n.longValue();
    }

    private BigInteger integral(String name, JsonNode v) {
      if (v.isIntegralNumber()) {
        return v.bigIntegerValue();
      }
      if (v.isNumber()) {
        throw error(name, ": " + v.decimalValue().toPlainString() + " is not a whole number");
      }
      throw error(name, ": '" + v.asText() + "' is not a whole number");
    }

    BigDecimal decimal(String name, BigDecimal fallback) {
      JsonNode v = value(name, fallback == null);
      if (v == null) {
        return fallback;
      }
      if (!v.isNumber()) {
        throw error(name, ": '" + v.asText() + "' is not a number");
      }
      BigDecimal d = v.decimalValue();
      if (d.signum() < 0) {
        throw error(name, ": " + d.toPlainString() + " is below 0");
      }
      return d;
    }

    boolean bool(String name, Boolean fallback) {
      JsonNode v = value(name, fallback == null);
      if (v == null) {
        return fallback;
      }
      if (v.getNodeType() != JsonNodeType.BOOLEAN) {
        throw error(name, ": '" + v.asText() + "' is not true or false");
      }
      return v.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
      JsonNode v = value(name, fallback == null);
      if (v == null) {
        return fallback;
      }
      List<String> allowed = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(v.asText()) && v.isTextual()) {
          return e;
        }
        allowed.add(e.name());
      }
      throw error(name, ": '" + v.asText() + "' is not one of " + String.join(", ", allowed));
    }

    /** Refuses the first field of this mapping that no reader asked for, by name. */
    void refuseUnread() {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!read.contains(name)) {
          throw new IllegalArgumentException(
              source
                  + ": "
                  + field(name)
                  + ": unknown field (allowed here: "
                  + String.join(", ", read)
                  + ")");
        }
      }
    }
  }
}
