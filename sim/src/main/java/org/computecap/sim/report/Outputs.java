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
import java.util.Locale;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.TradeRow;

/**
 * Writes a run's files into its output directory: summary.json (field names fixed by issue 4, which
 * scripts and papers rely on; later fields are added after them), periods.csv, trades.csv,
 * developers.csv, developer-periods.csv (each developer in each period with its drawn parameters,
 * so an outside check can rebuild the population) and report.html. Numbers are written with {@link
 * Locale#ROOT} so a file is the same on every machine; a non-finite value is written as JSON null
 * and as an empty CSV cell.
 */
public final class Outputs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Outputs() {}

  /** Writes every file of {@code r} into {@code dir} (created if missing). */
  public static void write(
      SimulationResult r, Path dir, ObjectNode replications, String replicationsHtml) {
    write(r, dir, replications, replicationsHtml, false);
  }

  /**
   * Writes the files of {@code r} into {@code dir}; with {@code rowsStreamed} trades.csv and
   * developer-periods.csv are left as the run's {@link RowFiles} wrote them.
   */
  public static void write(
      SimulationResult r,
      Path dir,
      ObjectNode replications,
      String replicationsHtml,
      boolean rowsStreamed) {
    try {
      Files.createDirectories(dir);
      ObjectNode summary = summary(r);
      if (replications != null) {
        summary.set("replications", replications);
      }
      Files.writeString(
          dir.resolve("summary.json"),
          JSON.writeValueAsString(summary) + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("periods.csv"), periodsCsv(r), StandardCharsets.UTF_8);
      if (!rowsStreamed) {
        Files.writeString(dir.resolve("trades.csv"), tradesCsv(r), StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder(DEVELOPER_PERIODS_HEADER);
        for (DeveloperPeriodRow x : r.developerPeriods()) {
          rows.append(developerPeriodLine(x));
        }
        Files.writeString(
            dir.resolve("developer-periods.csv"), rows.toString(), StandardCharsets.UTF_8);
      }
      Files.writeString(dir.resolve("developers.csv"), developersCsv(r), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("report.html"), Html.report(r, replicationsHtml), StandardCharsets.UTF_8);
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
    }
    return root;
  }

  static String periodsCsv(SimulationResult r) {
    StringBuilder sb =
        new StringBuilder(
            "period,capPermits,permitsInCirculation,"
                + "clearingPrice,theoreticalPrice,volume,auctionPrice,auctionSold,totalCompute,"
                + "baselineCompute,"
                + "competitiveCompute,totalEnergy,complianceRate,evasionRate,evaders,audits,"
                + "detected,penaltiesCollected,welfare,plannerWelfare,uniformWelfare,"
                + "tradeEfficiency,revenueSmallFirms,leakedFirms,manipulations,meanEffort,"
                + "expectedPrice,closingPrice,bankedPermits,excessCompute,welfareRatio,"
                + "honestFined\n");
    for (PeriodResult p : r.periods()) {
      sb.append(p.period())
          .append(',')
          .append(p.capPermits())
          .append(',')
          .append(p.permitsInCirculation())
          .append(',')
          .append(d(p.clearingPrice()))
          .append(',')
          .append(d(p.theoreticalPrice()))
          .append(',')
          .append(p.volume())
          .append(',')
          .append(d(p.auctionPrice()))
          .append(',')
          .append(p.auctionSold())
          .append(',')
          .append(d(p.totalCompute()))
          .append(',')
          .append(d(p.baselineCompute()))
          .append(',')
          .append(d(p.competitiveCompute()))
          .append(',')
          .append(d(p.totalEnergy()))
          .append(',')
          .append(d(p.complianceRate()))
          .append(',')
          .append(d(p.evasionRate()))
          .append(',')
          .append(p.evaders())
          .append(',')
          .append(p.audits())
          .append(',')
          .append(p.detected())
          .append(',')
          .append(p.penaltiesCollected())
          .append(',')
          .append(d(p.welfare()))
          .append(',')
          .append(d(p.plannerWelfare()))
          .append(',')
          .append(d(p.uniformWelfare()))
          .append(',')
          .append(d(p.tradeEfficiency()))
          .append(',')
          .append(p.revenueSmallFirms())
          .append(',')
          .append(p.leakedFirms())
          .append(',')
          .append(p.manipulations())
          .append(',')
          .append(d(p.meanEffort()))
          .append(',')
          .append(d(p.expectedPrice()))
          .append(',')
          .append(d(p.closingPrice()))
          .append(',')
          .append(p.bankedPermits())
          .append(',')
          .append(d(p.excessCompute()))
          .append(',')
          .append(d(p.welfareRatio()))
          .append(',')
          .append(p.honestFined())
          .append('\n');
    }
    return sb.toString();
  }

  static String tradesCsv(SimulationResult r) {
    StringBuilder sb = new StringBuilder(TRADES_HEADER);
    for (TradeRow t : r.trades()) {
      sb.append(tradeLine(t));
    }
    return sb.toString();
  }

  static String developersCsv(SimulationResult r) {
    StringBuilder sb =
        new StringBuilder(
            "accountId,name,type,sizeClass,strategy,compute,"
                + "baselineCompute,energy,permitsAllocated,permitsBought,permitsSold,"
                + "netTradingCents,penaltiesCents,audits,unreportedPermits,manipulations,"
                + "lastEffort,relocatedPeriod\n");
    for (DeveloperRow x : r.developers()) {
      sb.append(x.accountId())
          .append(',')
          .append(csv(x.name()))
          .append(',')
          .append(csv(x.type()))
          .append(',')
          .append(x.sizeClass())
          .append(',')
          .append(x.strategy())
          .append(',')
          .append(d(x.compute()))
          .append(',')
          .append(d(x.baselineCompute()))
          .append(',')
          .append(d(x.energy()))
          .append(',')
          .append(x.permitsAllocated())
          .append(',')
          .append(x.permitsBought())
          .append(',')
          .append(x.permitsSold())
          .append(',')
          .append(x.netTradingCents())
          .append(',')
          .append(x.penaltiesCents())
          .append(',')
          .append(x.audits())
          .append(',')
          .append(d(x.unreportedPermits()))
          .append(',')
          .append(x.manipulations())
          .append(',')
          .append(d(x.lastEffort()))
          .append(',')
          .append(x.relocatedPeriod())
          .append('\n');
    }
    return sb.toString();
  }

  static final String TRADES_HEADER =
      "period,session,buyAccountId,sellAccountId,priceCents,quantity\n";

  static final String DEVELOPER_PERIODS_HEADER =
      "period,accountId,name,type,strategy,family,theta,beta,k,a,permitsPerUnit,energyPerUnit,"
          + "outputPerUnit,riskType,effortCost,manipulationCost,relocationCost,"
          + "assistanceFactor,active,effort,weight,heldAtOpen,auctionWon,heldAfterTrading,"
          + "compute,baseQuantity,reportedQuantity,trulyHigh,manipulated,multiplierPpm,"
          + "obligationPermits,surrenderedPermits,penaltyCents,measuredQuantity,"
          + "auditShortfallPermits,makeGoodOwedPermits,bankedPermits\n";

  static String tradeLine(TradeRow t) {
    return t.period()
        + ","
        + t.session()
        + ","
        + t.buyAccountId()
        + ","
        + t.sellAccountId()
        + ","
        + t.priceCents()
        + ","
        + t.quantity()
        + "\n";
  }

  /** One developer-period as a CSV line; infinite costs (never) are written as empty cells. */
  static String developerPeriodLine(DeveloperPeriodRow x) {
    StringBuilder sb = new StringBuilder();
    Developer d = x.developer();
    sb.append(x.period()).append(',').append(d.accountId()).append(',');
    sb.append(csv(d.name())).append(',').append(csv(d.type())).append(',');
    sb.append(d.strategy()).append(',').append(d.family()).append(',');
    for (double v :
        new double[] {
          d.theta(),
          d.beta(),
          d.k(),
          d.a(),
          d.permitsPerUnit(),
          d.energyPerUnit(),
          d.outputPerUnit(),
          d.riskType(),
          d.effortCost(),
          d.manipulationCost(),
          d.relocationCost(),
          d.assistanceFactor()
        }) {
      sb.append(exact(v)).append(',');
    }
    sb.append(x.active()).append(',').append(exact(x.effort())).append(',');
    sb.append(exact(x.weight())).append(',').append(x.heldAtOpen()).append(',');
    sb.append(x.auctionWon()).append(',').append(x.heldAfterTrading()).append(',');
    sb.append(exact(x.compute())).append(',').append(x.base()).append(',');
    sb.append(x.reported()).append(',').append(x.trulyHigh()).append(',');
    sb.append(x.manipulated()).append(',').append(x.multiplierPpm()).append(',');
    sb.append(x.obligation()).append(',').append(x.surrendered()).append(',');
    sb.append(x.penaltyCents()).append(',').append(x.measured()).append(',');
    sb.append(x.auditShortfall()).append(',').append(x.makeGoodOwed()).append(',');
    return sb.append(x.banked()).append('\n').toString();
  }

  // Parameters an outside check rebuilds the population from: every digit of the double.
  private static String exact(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private static void num(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  static String d(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
  }

  static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
