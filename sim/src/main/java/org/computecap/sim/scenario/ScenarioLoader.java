package org.computecap.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.ProgramLoader;

/**
 * Reads a {@link Scenario} from YAML and refuses anything invalid with a message that names the
 * file, the dotted field path and the allowed range, the same convention as the engine's program
 * loader. The program is either a path (relative to the scenario file) or an inline mapping; either
 * way its text is what the engine receives, so the engine's own loader stays the authority on the
 * program's rules and the simulator only reads the numbers its agents need ({@link ProgramTerms});
 * a program the engine's loader refuses is refused at load time.
 */
public final class ScenarioLoader {
  static final YAMLMapper MAPPER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final double BIG = 1e300;

  private ScenarioLoader() {}

  /** Loads the scenario in {@code file}; a program path is resolved beside it. */
  public static Scenario load(Path file) {
    String text = read(file, "scenario");
    Path dir = file.toAbsolutePath().getParent();
    return parse(file.getFileName().toString(), text, dir);
  }

  /**
   * Parses scenario YAML; {@code source} prefixes error messages and {@code dir} resolves a program
   * given as a path (null: only inline programs are allowed).
   *
   * @throws IllegalArgumentException naming the field and the allowed range
   */
  public static Scenario parse(String source, String text, Path dir) {
    return parseWith(source, text, dir == null ? null : programFile(dir));
  }

  /**
   * Parses scenario YAML whose program, when given as a relative path, is read by {@code programs}
   * (null: only inline programs are allowed). {@link ShippedScenarios} reads them from the jar this
   * way.
   */
  static Scenario parseWith(String source, String text, ProgramFiles programs) {
    return parseWith(source, tree(source, text), programs);
  }

  /** Validates a scenario's YAML tree (for {@link ScenarioTree}, which edits one by path). */
  static Scenario parseWith(String source, JsonNode root, ProgramFiles programs) {
    Node n = new Node(source, "", root);
    String name = n.text("name", null);
    String description = n.text("description", name);
    long seed = n.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1L);
    String programYaml = programText(n, programs);
    // The engine's loader is the authority on a program: refuse a bad one here, naming
    // its field, rather than when the engine opens the market.
    Program program = ProgramLoader.parse(source + ": program", programYaml);
    ProgramTerms terms =
        ProgramTermsReader.read(source + " (program)", tree(source, programYaml), program);
    int periods = (int) n.whole("periods", 1, terms.periodCount(), (long) terms.periodCount());
    MarketSettings market = market(n.optionalSection("market"), periods);
    List<DeveloperType> developers = new ArrayList<>();
    int first = terms.firstPeriod();
    for (Node d : n.list("developers")) {
      developers.add(developer(d, first, first + periods - 1, terms.banking()));
    }
    DemandShocks demand = demand(n.optionalSection("demand"));
    ComputeDamage damage = damage(n.optionalSection("damage"));
    n.refuseUnread();
    refuseUnboundedEvaders(source, terms, developers);
    refuseHoardOfWholeCap(source, developers);
    refuseEfficiencyWithoutEnergy(source, program, developers);
    Workloads.refuseUnsolvable(source, terms.scope(), developers);
    PriceSettingRules.refuseUnplayable(source, terms, market, developers);
    return new Scenario(
        name, description, seed, periods, programYaml, terms, market, developers, demand, damage);
  }

  // A strategic developer whose benefit never saturates (POWER, LOG) and who faces no
  // expected charge for hiding compute has no optimum: P2 Eq. (1) gives it unbounded compute.
  // Refuse the scenario naming the fields rather than fail in the middle of a run.
  private static void refuseUnboundedEvaders(
      String source, ProgramTerms terms, List<DeveloperType> developers) {
    String why = null;
    if (terms.auditProbability() == 0.0) {
      why = "the program's audit.probabilityPpm is 0";
    } else if (terms.auditBudgetCents() < terms.auditCostCents()) {
      why = "the program's audit.budgetPerPeriodCents is below one audit's auditCostCents";
    } else if (terms.linearCentsPerPermit() == 0.0
        && terms.quadraticCentsPerPermitSquared() == 0.0
        && !terms.makeGood()) {
      why = "the program's penalty charges nothing (linear and quadratic 0, no make-good)";
    } else if (terms.program().enforcement().collateral().hasLiabilityCap()) {
      // Issue 17: beyond the cap a detection costs no more, so hiding more compute is free.
      why = "the program's enforcement.collateral.liabilityCapCents caps what a detection costs";
    }
    if (why == null) {
      return;
    }
    for (int i = 0; i < developers.size(); i++) {
      DeveloperType d = developers.get(i);
      if (d.strategyMix().getOrDefault(Strategy.STRATEGIC, 0.0) > 0.0
          && d.benefit() != BenefitFamily.P1) {
        throw new IllegalArgumentException(
            source
                + ": developers["
                + i
                + "] ("
                + d.name()
                + ") is STRATEGIC with a "
                + d.benefit()
                + " benefit, which never saturates, but "
                + why
                + ": hiding compute costs nothing, so its compute is unbounded;"
                + " audit with a positive probability and budget, or make it PRICE_TAKING");
      }
    }
  }

  // Effort lowers energy per unit of compute, and with it the covered quantity per unit
  // (permitsPerUnit): true only when the program covers energy. A compute program's permits do
  // not fall with energy, so investing there is refused rather than simulated wrongly.
  private static void refuseEfficiencyWithoutEnergy(
      String source, Program program, List<DeveloperType> developers) {
    if (program.coveredQuantity().toLowerCase(java.util.Locale.ROOT).contains("energy")) {
      return;
    }
    for (int i = 0; i < developers.size(); i++) {
      if (developers.get(i).efficiency() != null) {
        throw new IllegalArgumentException(
            source
                + ": developers["
                + i
                + "].efficiency needs a program that covers energy (its coveredQuantity names"
                + " energy), the program covers '"
                + program.coveredQuantity()
                + "'");
      }
    }
  }

  /**
   * The scenario with program fields replaced, e.g. {@code audit.probabilityPpm} or {@code
   * allocation.method} for an ablation, by {@link ScenarioTree}'s rules (values are YAML; a path
   * the engine's program loader does not know is refused by it).
   */
  public static Scenario withProgramValues(Scenario s, Map<String, String> values) {
    if (values.isEmpty()) {
      return s;
    }
    ObjectNode program = (ObjectNode) tree("program", s.programYaml());
    for (Map.Entry<String, String> e : values.entrySet()) {
      ScenarioTree.setProgramField(
          program, e.getKey(), ScenarioTree.value(e.getKey(), e.getValue()));
    }
    String yaml = write(program);
    Program parsed = ProgramLoader.parse("program", yaml);
    ProgramTerms terms = ProgramTermsReader.read("program", program, parsed);
    refuseUnboundedEvaders(s.name(), terms, s.developers());
    refuseEfficiencyWithoutEnergy(s.name(), parsed, s.developers());
    Workloads.refuseUnsolvable(s.name(), terms.scope(), s.developers());
    PriceSettingRules.refuseUnplayable(s.name(), terms, s.market(), s.developers());
    return new Scenario(
        s.name(),
        s.description(),
        s.seed(),
        s.periods(),
        yaml,
        terms,
        s.market(),
        s.developers(),
        s.demand(),
        s.damage());
  }

  /**
   * Reads a program named by a path relative to its scenario; returns null when there is no such
   * program, so the loader can name the field in its error.
   */
  @FunctionalInterface
  interface ProgramFiles {
    String read(String relativePath);
  }

  static ProgramFiles programFile(Path dir) {
    return relative -> {
      Path file = dir.resolve(relative).normalize();
      return Files.isRegularFile(file) ? read(file, "program") : null;
    };
  }

  private static String programText(Node n, ProgramFiles programs) {
    JsonNode p = n.raw("program");
    if (p == null) {
      throw n.error(
          "program", "is missing (a path to a program file or an inline " + "program mapping)");
    }
    if (p.isTextual()) {
      if (programs == null) {
        throw n.error(
            "program",
            "must be an inline mapping here (no directory to "
                + "resolve the path "
                + p.asText()
                + " against)");
      }
      String text = programs.read(p.asText());
      if (text == null) {
        throw n.error("program", "names a file that does not exist: " + p.asText());
      }
      return text;
    }
    if (!p.isObject()) {
      throw n.error("program", "must be a path or an inline program mapping");
    }
    return write(p);
  }

  // The optional `demand` mapping (issue 14): absent, demand never moves.
  private static DemandShocks demand(Node d) {
    // Up to demand times 11 a period: the notable training runs' compute grew 3.3-fold a year in
    // 2023-2025 (issue 18's Epoch AI scenario).
    long growth = d.whole("growthPpm", -999_999, 10_000_000, 0L);
    double sigma = d.number("sigma", 0.0, 2.0, 0.0);
    double correlation = d.number("correlation", 0.0, 1.0, 0.0);
    d.refuseUnread();
    return new DemandShocks(growth, sigma, correlation);
  }

  // The optional `damage` mapping (issue 18, prices vs quantities): absent, no damage.
  private static ComputeDamage damage(Node d) {
    double linear = d.number("centsPerPermit", 0.0, 1e12, 0.0);
    double slope = d.number("slopeCentsPerPermitSquared", 0.0, 1e12, 0.0);
    d.refuseUnread();
    return new ComputeDamage(linear, slope);
  }

  private static MarketSettings market(Node m, int periods) {
    double centsPerUtil = m.positive("centsPerUtil", BIG, 1.0);
    TradingMode trading =
        m.enumValue("trading", TradingMode.class, TradingMode.CALL_THEN_CONTINUOUS);
    int rounds = (int) m.whole("continuousRounds", 0, 100_000, 3_000L);
    int quiet = (int) m.whole("quietRounds", 1, 100_000, 200L);
    long step = m.whole("gridStepPpm", 100, 200_000, 2_000L);
    double band = m.number("bandFactor", 1.01, 1000.0, 4.0);
    long span = m.whole("scheduleSpanPpm", 1_000, 10_000_000L, 150_000L);
    long window = m.whole("quoteWindowPpm", 0, 1_000_000L, 2_000L);
    double[] given = null;
    Expectations expectations;
    JsonNode e = m.raw("expectations");
    if (e != null && e.isArray()) {
      given = m.numbers("expectations", 1.0, 1e12);
      if (given.length != periods) {
        throw m.error(
            "expectations",
            "must list one price in cents for each of the "
                + periods
                + " periods, had "
                + given.length);
      }
      expectations = Expectations.GIVEN;
    } else {
      expectations = m.enumValue("expectations", Expectations.class, Expectations.RATIONAL);
      if (expectations == Expectations.GIVEN) {
        throw m.error("expectations", "GIVEN needs the list of prices itself: [cents, ...]");
      }
    }
    EvaluationTiming evaluations =
        m.enumValue("evaluations", EvaluationTiming.class, EvaluationTiming.AFTER_USAGE);
    long initial = m.whole("initialPriceCents", 0, 1_000_000_000L, 0L);
    long cash = m.whole("cashCents", 1, 1_000_000_000_000_000L, 10_000_000_000_000L);
    long lot = m.whole("ziLotPermits", 0, 1_000_000_000L, 0L);
    double rate = m.number("discountRate", 0.0, 10.0, 0.05);
    double attested = m.number("attestedShare", 0.0, 1.0, 0.0);
    double uncertainty = m.number("meterUncertainty", 0.0, 1.0, 0.0);
    m.refuseUnread();
    return new MarketSettings(
        centsPerUtil,
        trading,
        rounds,
        quiet,
        step,
        band,
        span,
        window,
        expectations,
        given,
        evaluations,
        initial,
        cash,
        lot,
        rate,
        attested,
        uncertainty);
  }

  // Issue 18: the hoarding coalition withdraws the sum of its types' shares of every cap; the
  // rest must leave something for everyone else.
  private static void refuseHoardOfWholeCap(String source, List<DeveloperType> developers) {
    double total = 0;
    for (DeveloperType t : developers) {
      total += t.hoardShare();
    }
    if (total >= 1.0) {
      throw new IllegalArgumentException(
          source
              + ": developers[].hoardShare must sum to less than 1 (the hoarding coalition"
              + " withdraws their sum of every period's cap), sum to "
              + total);
    }
  }

  private static DeveloperType developer(Node d, int first, int last, boolean banking) {
    String name = d.text("name", null);
    boolean hasCount = d.has("count");
    int count = (int) d.whole("count", 1, 100_000, 1L);
    SizeClass size = d.enumValue("sizeClass", SizeClass.class, SizeClass.SMALL);
    Map<Strategy, Double> mix = strategyMix(d);
    if (d.has("strategyCounts")) {
      int sum = 0;
      for (double c : mix.values()) {
        sum += (int) c;
      }
      if (hasCount && sum != count) {
        throw d.error("strategyCounts", "must sum to count (" + count + "), sum to " + sum);
      }
      count = sum;
    }
    BenefitFamily family = d.enumValue("benefit", BenefitFamily.class, null);
    double[] benefit = benefit(d, family);
    double theta = benefit[0];
    double beta = benefit[1];
    double k = benefit[2];
    double a = benefit[3];
    double permitsPerUnit = d.number("permitsPerUnit", 1.0, 1e12, 1.0);
    double energyPerUnit = d.number("energyPerUnit", 0.0, 1e12, permitsPerUnit);
    double outputPerUnit = d.positive("outputPerUnit", 1e12, 1000.0);
    double[] history = history(d);
    double riskType = d.number("riskType", 0.0, 1.0, 0.0);
    double effortCost = d.number("effortCost", 0.0, BIG, 0.0);
    double gamma = d.number("manipulationCost", 0.0, BIG, Double.POSITIVE_INFINITY);
    double relocation = d.number("relocationCost", 0.0, BIG, Double.POSITIVE_INFINITY);
    double assistance = d.number("assistanceFactor", 0.0, 10.0, 1.0);
    double spread = d.number("spread", 0.0, 0.9, 0.0);
    Efficiency efficiency = efficiency(d, family);
    TrainingWorkload training = training(d);
    int entry = (int) d.whole("entryPeriod", first, last, (long) first);
    double hoardShare = d.number("hoardShare", 0.0, 0.9, 0.0);
    boolean hoards = mix.getOrDefault(Strategy.HOARDING, 0.0) > 0.0;
    if (hoards && !(hoardShare > 0.0)) {
      throw d.error("hoardShare", "must be in (0, 0.9] for a type with HOARDING developers, was 0");
    }
    if (!hoards && hoardShare > 0.0) {
      throw d.error("hoardShare", "is for a type with HOARDING developers; its strategy has none");
    }
    if (hoards && !banking) {
      throw d.error("strategy", "HOARDING banks permits: it needs the program's banking: true");
    }
    if (hoards && entry > first) {
      throw d.error(
          "entryPeriod", "must be the first period (" + first + ") for HOARDING incumbents");
    }
    TrueRisk trueRisk = trueRisk(d, riskType, effortCost, gamma);
    d.refuseUnread();
    return new DeveloperType(
        name,
        count,
        size,
        mix,
        family,
        theta,
        beta,
        k,
        a,
        permitsPerUnit,
        energyPerUnit,
        outputPerUnit,
        history,
        riskType,
        effortCost,
        gamma,
        relocation,
        assistance,
        spread,
        efficiency,
        training,
        entry,
        hoardShare,
        trueRisk);
  }

  // The optional `trueRisk` mapping (issue 18): a true risk the evaluator sees with noise, in
  // place of P2's two-signal draw, which is why riskType, effort and manipulation must be off.
  private static TrueRisk trueRisk(Node d, double riskType, double effortCost, double gamma) {
    if (d.raw("trueRisk") == null) {
      return null;
    }
    if (riskType > 0) {
      throw d.error("trueRisk", "replaces riskType's two-signal draw: leave riskType at 0");
    }
    if (effortCost > 0 || Double.isFinite(gamma)) {
      throw d.error(
          "trueRisk",
          "has no safety effort or manipulation: leave effortCost and manipulationCost unset");
    }
    Node t = d.section("trueRisk");
    double risk = t.number("risk", 0.0, 1.0, null);
    double noise = t.number("evaluationNoise", 0.0, 10.0, 0.0);
    double cost = t.number("evaluationCostPerClassCents", 0.0, BIG, 0.0);
    double damage = t.number("damageCentsPerUnit", 0.0, BIG, 0.0);
    t.refuseUnread();
    return new TrueRisk(risk, noise, cost, damage);
  }

  // Compute of the two periods before the program: a list of two, or one number for both (so an
  // experiment can vary it as a numeric factor); null when absent.
  private static double[] history(Node d) {
    JsonNode h = d.has("history") ? d.json().get("history") : null;
    if (h != null && !h.isArray()) {
      double both = d.number("history", 0.0, 1e15, null);
      return new double[] {both, both};
    }
    double[] history = d.numbers("history", 0.0, 1e15);
    if (history != null && history.length != 2) {
      throw d.error(
          "history",
          "must list the outputs of the 2 periods before the program (or be one number for"
              + " both), had "
              + history.length);
    }
    return history;
  }

  // A benefit function's parameters {theta, beta, k, a} for its family; unused ones are 0.
  private static double[] benefit(Node d, BenefitFamily family) {
    double theta = 0;
    double beta = 0;
    double k = 0;
    double a = 0;
    if (family == BenefitFamily.P1) {
      k = d.positive("k", 1e6, null);
      a = d.positive("a", BIG, null);
    } else {
      theta = d.positive("theta", BIG, null);
      if (family == BenefitFamily.POWER) {
        beta = d.number("beta", 0.0, 1.0, null);
        if (!(beta > 0 && beta < 1)) {
          throw d.error("beta", "must be in (0, 1), was " + beta);
        }
      }
    }
    return new double[] {theta, beta, k, a};
  }

  // The optional `training` mapping (issue 13): a second workload with its own benefit,
  // permits and energy per unit; absent, the type has one workload.
  private static TrainingWorkload training(Node d) {
    if (d.raw("training") == null) {
      return null;
    }
    Node t = d.section("training");
    BenefitFamily family = t.enumValue("benefit", BenefitFamily.class, null);
    double[] b = benefit(t, family);
    double permitsPerUnit = t.number("permitsPerUnit", 1.0, 1e12, 1.0);
    double energyPerUnit = t.number("energyPerUnit", 0.0, 1e12, permitsPerUnit);
    t.refuseUnread();
    return new TrainingWorkload(family, b[0], b[1], b[2], b[3], permitsPerUnit, energyPerUnit);
  }

  // The optional `efficiency` mapping: absent, the developer never invests. Only P1 firms:
  // the economics' optimum (EfficiencyChoice) is derived for P1's utility.
  private static Efficiency efficiency(Node d, BenefitFamily family) {
    if (d.raw("efficiency") == null) {
      return null;
    }
    if (family != BenefitFamily.P1) {
      throw d.error(
          "efficiency",
          "needs benefit P1 (the optimal effort is derived for P1's utility), was " + family);
    }
    Node e = d.section("efficiency");
    double kappa = e.number("kappa", 0.0, BIG, null);
    double phi = e.number("phi", 0.0, BIG, 0.0);
    if (!(kappa + phi > 0)) {
      throw e.error("kappa", "kappa + phi must be > 0 (free effort would cut energy to zero)");
    }
    // maxEffort 0 keeps the effort at 0: the same run as no `efficiency`, which is how an
    // experiment turns investment off (--set cannot remove a mapping).
    double max = e.number("maxEffort", 0.0, 1.0, 1.0);
    // The exogenous technology trend: E0 falls by this share every period, investment or not.
    long trend = e.whole("trendPpm", 0, 999_999, 0L);
    e.refuseUnread();
    return new Efficiency(kappa, phi, max, trend);
  }

  // `strategy` names one strategy or shares summing to 1; `strategyCounts` gives whole
  // numbers of developers per strategy instead (their sum is the type's count). Counts are
  // returned as the mix itself: split by largest remainder, whole counts come out exactly.
  private static Map<Strategy, Double> strategyMix(Node d) {
    JsonNode counts = d.raw("strategyCounts");
    if (counts != null) {
      if (d.raw("strategy") != null) {
        throw d.error("strategyCounts", "cannot be given together with strategy");
      }
      return strategyCounts(d, counts);
    }
    JsonNode v = d.raw("strategy");
    Map<Strategy, Double> mix = new EnumMap<>(Strategy.class);
    if (v == null) {
      mix.put(Strategy.PRICE_TAKING, 1.0);
      return mix;
    }
    if (v.isTextual()) {
      mix.put(d.parseEnum("strategy", v.asText(), Strategy.class), 1.0);
      return mix;
    }
    if (!v.isObject() || v.isEmpty()) {
      throw d.error(
          "strategy",
          "must be one of " + Node.names(Strategy.class) + " or a mapping of them to shares");
    }
    Iterator<String> names = v.fieldNames();
    while (names.hasNext()) {
      String s = names.next();
      Strategy strategy = d.parseEnum("strategy." + s, s, Strategy.class);
      JsonNode share = v.get(s);
      if (!share.isNumber() || !(share.asDouble() > 0) || share.asDouble() > 1) {
        throw d.error("strategy." + s, "must be a share in (0, 1], was " + share.asText());
      }
      mix.put(strategy, share.asDouble());
    }
    // Shares are a split of the type's developers: a mix summing to 1.1 is a typo, not a
    // weighting to be normalised behind the author's back.
    double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(total - 1) > 1e-9) {
      throw d.error(
          "strategy",
          "shares must sum to 1, they sum to "
              + Math.round(total * 1e9) / 1e9
              + " (strategyCounts gives whole numbers)");
    }
    return mix;
  }

  private static Map<Strategy, Double> strategyCounts(Node d, JsonNode v) {
    if (!v.isObject() || v.isEmpty()) {
      throw d.error("strategyCounts", "must map strategies to whole numbers of developers");
    }
    Map<Strategy, Double> mix = new EnumMap<>(Strategy.class);
    Iterator<String> names = v.fieldNames();
    while (names.hasNext()) {
      String s = names.next();
      Strategy strategy = d.parseEnum("strategyCounts." + s, s, Strategy.class);
      JsonNode n = v.get(s);
      if (!n.canConvertToLong()
          || !n.isIntegralNumber()
          || n.asLong() < 0
          || n.asLong() > 100_000) {
        throw d.error("strategyCounts." + s, "must be a whole number in [0, 100000]");
      }
      if (n.asLong() > 0) {
        mix.put(strategy, (double) n.asLong());
      }
    }
    if (mix.isEmpty()) {
      throw d.error("strategyCounts", "must give at least one developer");
    }
    return mix;
  }

  static JsonNode tree(String source, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping of fields");
    }
    return root;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write program YAML", e);
    }
  }

  static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " file " + file, e);
    }
  }
}
