package org.computecap.sim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.program.Workload;
import org.computecap.figures.CsvTable;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.TradeRow;

/**
 * Writes a run's files into its output directory: summary.json (field names fixed by issue 4, which
 * scripts and papers rely on, with a {@code units} object naming each field's unit), periods.csv,
 * class-periods.csv, trades.csv, developers.csv, developer-periods.csv (columns that end with their
 * unit: {@code _cents}, {@code _permits}, {@code _share}, ...) and report.html. A non-finite value
 * is JSON null and an empty CSV cell.
 *
 * <p>A new column is one line in its table below; {@link CsvTable} refuses a name without a unit.
 */
public final class Outputs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** periods.csv: one row per period. */
  public static final CsvTable<PeriodResult> PERIODS =
      CsvTable.<PeriodResult>of()
          .key("period", PeriodResult::period)
          .whole("cap_permits", PeriodResult::capPermits)
          .whole("circulating_permits", PeriodResult::permitsInCirculation)
          .number("clearing_price_cents", PeriodResult::clearingPrice)
          .number("theoretical_price_cents", PeriodResult::theoreticalPrice)
          .whole("volume_permits", PeriodResult::volume)
          .number("auction_price_cents", PeriodResult::auctionPrice)
          .whole("auction_sold_permits", PeriodResult::auctionSold)
          .number("total_compute_units", PeriodResult::totalCompute)
          .number("baseline_compute_units", PeriodResult::baselineCompute)
          .number("competitive_compute_units", PeriodResult::competitiveCompute)
          .number("total_energy_mwh", PeriodResult::totalEnergy)
          .number("compliance_share", PeriodResult::complianceRate)
          .number("evasion_share", PeriodResult::evasionRate)
          .whole("evaders_count", PeriodResult::evaders)
          .whole("audits_count", PeriodResult::audits)
          .whole("detected_count", PeriodResult::detected)
          .whole("penalties_collected_cents", PeriodResult::penaltiesCollected)
          .number("welfare_utils", PeriodResult::welfare)
          .number("planner_welfare_utils", PeriodResult::plannerWelfare)
          .number("uniform_welfare_utils", PeriodResult::uniformWelfare)
          .number("welfare_vs_planner_ratio", PeriodResult::welfareRatio)
          .number("trade_efficiency_ratio", PeriodResult::tradeEfficiency)
          .whole("small_firms_revenue_cents", PeriodResult::revenueSmallFirms)
          .whole("leaked_firms_count", PeriodResult::leakedFirms)
          .whole("manipulations_count", PeriodResult::manipulations)
          .number("mean_effort_share", PeriodResult::meanEffort)
          .number("expected_price_cents", PeriodResult::expectedPrice)
          .number("closing_price_cents", PeriodResult::closingPrice)
          .whole("banked_permits", PeriodResult::bankedPermits)
          .number("excess_compute_permits", PeriodResult::excessCompute)
          .whole("honest_fined_count", PeriodResult::honestFined)
          // Whole cents at the source (Investment.costCents), so the cast loses nothing.
          .whole("investment_cents", p -> (long) p.investment())
          .number("benchmark_covered_per_output_ratio", PeriodResult::benchmark)
          // By workload, covered or not (issue 13): the totals above are what the program covers.
          .number("inference_compute_units", p -> p.workloads().inferenceCompute())
          .number("training_compute_units", p -> p.workloads().trainingCompute())
          .number("inference_energy_mwh", p -> p.workloads().inferenceEnergy())
          .number("training_energy_mwh", p -> p.workloads().trainingEnergy())
          .number("all_workloads_energy_mwh", p -> p.workloads().energy())
          .number("leaked_energy_mwh", p -> p.workloads().leakedEnergy())
          .number("demand_multiplier_ratio", PeriodResult::demandMultiplier)
          .number("price_change_cents", PeriodResult::priceChange)
          .whole("ceiling_permits", PeriodResult::ceilingPermits)
          .whole("reserve_sale_permits", PeriodResult::reserveSalePermits)
          .number("used_permits", PeriodResult::usedPermits)
          // Market power (issue 18, Hahn 1984): empty without PRICE_SETTING developers.
          .number("hahn_price_cents", p -> p.marketPower().hahnPriceCents())
          .number("hahn_welfare_loss_utils", p -> p.marketPower().welfareLossUtils())
          .number("price_setter_demand_share", p -> p.marketPower().demandShare())
          .number("price_setter_allocation_share", p -> p.marketPower().allocationShare())
          .number("hahn_holding_permits", p -> p.marketPower().hahnHoldingPermits())
          .number("price_setter_holding_permits", p -> p.marketPower().holdingPermits())
          // Foreclosure by hoarding (issue 18): entrants, the hoard and the theory beside them.
          .whole("entrants_count", p -> p.foreclosure().entrants())
          .number("entrants_compute_units", p -> p.foreclosure().entrantsCompute())
          .number("entrants_theory_compute_units", p -> p.foreclosure().entrantsTheoryCompute())
          .number("incumbents_surplus_cents", p -> p.foreclosure().incumbentsSurplusCents())
          .number("entrants_surplus_cents", p -> p.foreclosure().entrantsSurplusCents())
          .whole("hoard_permits", p -> p.foreclosure().hoardPermits())
          .whole("hoard_withdrawn_permits", p -> p.foreclosure().withdrawnPermits())
          .number("competitive_price_cents", p -> p.foreclosure().competitivePriceCents())
          .number("hoard_cost_theory_cents", p -> p.foreclosure().hoardCostTheoryCents())
          .whole("holding_limit_refusals_count", p -> p.foreclosure().holdingLimitRefusals());

  /**
   * class-periods.csv: one row per size class the population has and period (issue 13): the class's
   * compute, energy, energy per unit, efficiency spending and net cash from the exchange. A few
   * rows a period, so it is written from memory even when the large files stream.
   */
  public static final CsvTable<ClassPeriodRow> CLASS_PERIODS =
      CsvTable.<ClassPeriodRow>of()
          .key("period", ClassPeriodRow::period)
          .key("size_class", ClassPeriodRow::sizeClass)
          .whole("developers_count", ClassPeriodRow::developers)
          .number("compute_units", ClassPeriodRow::compute)
          .number("energy_mwh", ClassPeriodRow::energy)
          .number("energy_mwh_per_units", ClassPeriodRow::energyPerUnit)
          .whole("investment_cents", r -> (long) r.investmentCents())
          .whole("net_trading_cents", ClassPeriodRow::netTradingCents)
          .number("inference_compute_units", ClassPeriodRow::inferenceCompute)
          .number("training_compute_units", ClassPeriodRow::trainingCompute);

  /** trades.csv: one row per trade on the exchange. */
  public static final CsvTable<TradeRow> TRADES =
      CsvTable.<TradeRow>of()
          .key("period", TradeRow::period)
          .key("session", TradeRow::session)
          .key("buy_account_id", TradeRow::buyAccountId)
          .key("sell_account_id", TradeRow::sellAccountId)
          .whole("price_cents", TradeRow::priceCents)
          .whole("quantity_permits", TradeRow::quantity);

  /** developers.csv: one row per developer, totals over the run. */
  public static final CsvTable<DeveloperRow> DEVELOPERS =
      CsvTable.<DeveloperRow>of()
          .key("account_id", DeveloperRow::accountId)
          .key("name", DeveloperRow::name)
          .key("type", DeveloperRow::type)
          .key("size_class", DeveloperRow::sizeClass)
          .key("strategy", DeveloperRow::strategy)
          .number("compute_units", DeveloperRow::compute)
          .number("baseline_compute_units", DeveloperRow::baselineCompute)
          .number("energy_mwh", DeveloperRow::energy)
          .whole("allocated_permits", DeveloperRow::permitsAllocated)
          .whole("bought_permits", DeveloperRow::permitsBought)
          .whole("sold_permits", DeveloperRow::permitsSold)
          .whole("net_trading_cents", DeveloperRow::netTradingCents)
          .whole("penalties_cents", DeveloperRow::penaltiesCents)
          .whole("audits_count", DeveloperRow::audits)
          .number("unreported_permits", DeveloperRow::unreportedPermits)
          .whole("manipulations_count", DeveloperRow::manipulations)
          .number("last_effort_share", DeveloperRow::lastEffort)
          .whole("relocated_period", DeveloperRow::relocatedPeriod);

  /**
   * developer-periods.csv: one row per developer and period with every parameter drawn for it at
   * full precision, so that an outside check can rebuild the population (infinite costs, "never",
   * are empty cells).
   */
  public static final CsvTable<DeveloperPeriodRow> DEVELOPER_PERIODS =
      CsvTable.<DeveloperPeriodRow>of()
          .key("period", DeveloperPeriodRow::period)
          .key("account_id", x -> x.developer().accountId())
          .key("name", x -> x.developer().name())
          .key("type", x -> x.developer().type())
          .key("strategy", x -> x.developer().strategy())
          .key("family", x -> x.developer().family())
          .number("theta_utils", x -> x.developer().theta())
          .number("beta_ratio", x -> x.developer().beta())
          .number("k_ratio", x -> x.developer().k())
          .number("a_utils_per_units", x -> x.developer().a())
          .number("intensity_permits_per_units", x -> x.developer().permitsPerUnit())
          .number("energy_mwh_per_units", x -> x.developer().energyPerUnit())
          .number("output_units_per_units", x -> x.developer().outputPerUnit())
          .number("risk_type_share", x -> x.developer().riskType())
          .number("effort_cost_cents", x -> x.developer().effortCost())
          .number("manipulation_cost_cents", x -> x.developer().manipulationCost())
          .number("relocation_cost_cents", x -> x.developer().relocationCost())
          .number("assistance_factor_ratio", x -> x.developer().assistanceFactor())
          .key("active", DeveloperPeriodRow::active)
          .number("effort_share", DeveloperPeriodRow::effort)
          .number("efficiency_effort_share", x -> x.developer().efficiencyEffort())
          // The price the effort was chosen at this period; empty for a developer that never
          // invests or has left.
          .number("investment_price_cents", DeveloperPeriodRow::investmentPrice)
          .whole("investment_cents", x -> (long) x.investmentCents())
          .number("weight_permits_per_units", DeveloperPeriodRow::weight)
          .whole("held_at_open_permits", DeveloperPeriodRow::heldAtOpen)
          .whole("auction_won_permits", DeveloperPeriodRow::auctionWon)
          .whole("held_after_trading_permits", DeveloperPeriodRow::heldAfterTrading)
          .number("compute_units", DeveloperPeriodRow::compute)
          .whole("used_covered_units", DeveloperPeriodRow::base)
          .whole("reported_covered_units", DeveloperPeriodRow::reported)
          .key("truly_high", DeveloperPeriodRow::trulyHigh)
          .key("manipulated", DeveloperPeriodRow::manipulated)
          .whole("multiplier_ppm", DeveloperPeriodRow::multiplierPpm)
          .whole("obligation_permits", DeveloperPeriodRow::obligation)
          .whole("surrendered_permits", DeveloperPeriodRow::surrendered)
          .whole("penalty_cents", DeveloperPeriodRow::penaltyCents)
          // Empty when the developer was not audited.
          .number("measured_covered_units", x -> x.measured() < 0 ? Double.NaN : x.measured())
          .whole("audit_shortfall_permits", DeveloperPeriodRow::auditShortfall)
          .whole("make_good_owed_permits", DeveloperPeriodRow::makeGoodOwed)
          .whole("banked_permits", DeveloperPeriodRow::banked)
          .key("workload", x -> x.developer().workload())
          .key(
              "second_workload",
              x -> x.developer().second() == null ? "" : x.developer().second().workload())
          .key("second_covered", x -> x.developer().secondCovered())
          .number("inference_compute_units", x -> x.computeOf(Workload.INFERENCE))
          .number("training_compute_units", x -> x.computeOf(Workload.TRAINING));

  private Outputs() {}

  /** Writes every file of {@code r} into {@code dir} (created if missing). */
  public static void write(SimulationResult r, Path dir, Replications replications) {
    write(r, dir, replications, false);
  }

  /**
   * Writes the files of {@code r} into {@code dir}; with {@code rowsStreamed} trades.csv and
   * developer-periods.csv are left as the run's {@link RowFiles} wrote them.
   */
  public static void write(
      SimulationResult r, Path dir, Replications replications, boolean rowsStreamed) {
    try {
      Files.createDirectories(dir);
      ObjectNode summary = summary(r);
      if (replications != null) {
        summary.set("replications", replications.toJson());
      }
      Files.writeString(
          dir.resolve("summary.json"),
          JSON.writeValueAsString(summary) + "\n",
          StandardCharsets.UTF_8);
      PERIODS.write(dir.resolve("periods.csv"), r.periods());
      CLASS_PERIODS.write(dir.resolve("class-periods.csv"), r.classPeriods());
      if (!rowsStreamed) {
        TRADES.write(dir.resolve("trades.csv"), r.trades());
        DEVELOPER_PERIODS.write(dir.resolve("developer-periods.csv"), r.developerPeriods());
      }
      DEVELOPERS.write(dir.resolve("developers.csv"), r.developers());
      Files.writeString(
          dir.resolve("report.html"), Html.report(r, replications), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write outputs to " + dir, e);
    }
  }

  /** summary.json as a tree. */
  public static ObjectNode summary(SimulationResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("seed", r.seed());
    root.put("stateHash", r.stateHash());
    root.put("scenario", r.scenario());
    root.put("journalEntries", r.journalEntries());
    ArrayNode periods = root.putArray("periods");
    for (PeriodResult p : r.periods()) {
      ObjectNode o = periods.addObject();
      o.put("period", p.period());
      o.put("capPermits", p.capPermits());
      o.put("permitsInCirculation", p.permitsInCirculation());
      num(o, "clearingPrice", p.clearingPrice());
      num(o, "theoreticalPrice", p.theoreticalPrice());
      o.put("volume", p.volume());
      num(o, "auctionPrice", p.auctionPrice());
      o.put("auctionSold", p.auctionSold());
      num(o, "totalCompute", p.totalCompute());
      num(o, "baselineCompute", p.baselineCompute());
      num(o, "competitiveCompute", p.competitiveCompute());
      num(o, "totalEnergy", p.totalEnergy());
      num(o, "complianceRate", p.complianceRate());
      num(o, "evasionRate", p.evasionRate());
      o.put("evaders", p.evaders());
      o.put("audits", p.audits());
      o.put("detected", p.detected());
      o.put("penaltiesCollected", p.penaltiesCollected());
      num(o, "welfare", p.welfare());
      num(o, "plannerWelfare", p.plannerWelfare());
      num(o, "uniformWelfare", p.uniformWelfare());
      num(o, "tradeEfficiency", p.tradeEfficiency());
      o.put("revenueSmallFirms", p.revenueSmallFirms());
      o.put("leakedFirms", p.leakedFirms());
      o.put("manipulations", p.manipulations());
      num(o, "meanEffort", p.meanEffort());
      num(o, "expectedPrice", p.expectedPrice());
      num(o, "closingPrice", p.closingPrice());
      o.put("bankedPermits", p.bankedPermits());
      num(o, "excessCompute", p.excessCompute());
      num(o, "welfareRatio", p.welfareRatio());
      o.put("honestFined", p.honestFined());
      o.put("investment", (long) p.investment());
      num(o, "benchmark", p.benchmark());
    }
    root.set("units", units());
    return root;
  }

  /** The unit of each per-period field, so that a program reading summary.json need not guess. */
  private static ObjectNode units() {
    ObjectNode u = JSON.createObjectNode();
    for (String f :
        new String[] {
          "capPermits", "permitsInCirculation", "volume", "auctionSold", "bankedPermits"
        }) {
      u.put(f, "permits");
    }
    u.put("excessCompute", "risk-weighted permits");
    for (String f :
        new String[] {
          "clearingPrice", "theoreticalPrice", "auctionPrice", "expectedPrice", "closingPrice"
        }) {
      u.put(f, "cents per permit");
    }
    for (String f : new String[] {"penaltiesCollected", "revenueSmallFirms", "investment"}) {
      u.put(f, "cents");
    }
    for (String f : new String[] {"totalCompute", "baselineCompute", "competitiveCompute"}) {
      u.put(f, "compute units of the scenario");
    }
    u.put("totalEnergy", "MWh");
    for (String f : new String[] {"complianceRate", "evasionRate", "meanEffort"}) {
      u.put(f, "share in [0, 1]");
    }
    for (String f : new String[] {"welfare", "plannerWelfare", "uniformWelfare"}) {
      u.put(f, "utility units of the benefit functions");
    }
    u.put("tradeEfficiency", "ratio");
    u.put("benchmark", "covered quantity per unit of verified output (null unless BENCHMARK)");
    u.put("welfareRatio", "ratio (null when compute ran above the cap)");
    for (String f :
        new String[] {
          "evaders", "audits", "detected", "leakedFirms", "manipulations", "honestFined"
        }) {
      u.put(f, "count");
    }
    return u;
  }

  private static void num(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }
}
