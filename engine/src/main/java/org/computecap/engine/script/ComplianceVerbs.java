package org.computecap.engine.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.compliance.ComplianceState;
import org.computecap.engine.compliance.ComplianceStatus;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;

/**
 * The compliance cycle's words in scenario scripts ({@code docs/scripts.md}): {@code report acct=
 * period= workload= qty=}, {@code meter acct= period= qty=}, {@code evaluate acct= period=
 * signal=}, {@code insurer-evaluate insurer= acct= period= signal=}, {@code charge-premium acct=
 * period=}, {@code close-period period=}, {@code audit-finding acct= period= measured=}, {@code
 * pay-penalty acct=}; and {@code expect compliance acct= period= [status=] [obligation=]
 * [shortfall=] [penalty=]}, {@code expect audited period= accounts=1,2|none}, {@code expect
 * make-good acct= qty=}, {@code expect unpaid-penalty acct= cents=}.
 */
public final class ComplianceVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "report",
        a ->
            new SubmitReport(
                a.account("acct"),
                a.intValue("period"),
                a.enumValue("workload", Workload.class),
                a.longValue("qty")));
    m.put(
        "meter",
        a -> new RecordMeterReading(a.account("acct"), a.intValue("period"), a.longValue("qty")));
    m.put(
        "evaluate",
        a ->
            new RecordEvaluation(
                a.account("acct"), a.intValue("period"), RiskSignal.valueOf(a.string("signal"))));
    m.put(
        "insurer-evaluate",
        a ->
            new RecordInsurerEvaluation(
                a.account("insurer"),
                a.account("acct"),
                a.intValue("period"),
                RiskSignal.valueOf(a.string("signal"))));
    m.put(
        "charge-premium", a -> new ChargeInsurancePremium(a.account("acct"), a.intValue("period")));
    m.put("close-period", a -> new ClosePeriod(a.intValue("period")));
    m.put(
        "audit-finding",
        a ->
            new RecordAuditFinding(
                a.account("acct"), a.intValue("period"), a.longValue("measured")));
    m.put("pay-penalty", a -> new PayOutstandingPenalty(a.account("acct")));
    m.put("post-collateral", a -> new PostCollateral(a.account("acct")));
    m.put("return-collateral", a -> new ReturnCollateral(a.account("acct")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("compliance", ComplianceVerbs::compliance);
    m.put("audited", ComplianceVerbs::audited);
    m.put(
        "make-good",
        (s, a) ->
            CoreVerbs.differs(
                "make-good owed",
                a.longValue("qty"),
                s.compliance().makeGoodOwedPermits(a.account("acct"))));
    m.put(
        "unpaid-penalty",
        (s, a) ->
            CoreVerbs.differs(
                "unpaid penalty",
                a.longValue("cents"),
                s.compliance().unpaidPenaltyCents(a.account("acct"))));
    return m;
  }

  private static String compliance(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    int period = a.intValue("period");
    ComplianceState.Assessment e = s.compliance().assessment(acct, period);
    if (e == null) {
      return "account " + acct + " has not been assessed for period " + period;
    }
    String d = null;
    if (a.has("status")) {
      ComplianceStatus status = e.status();
      ComplianceStatus expected = a.enumValue("status", ComplianceStatus.class);
      d = status == expected ? null : "status is " + status + ", expected " + expected;
    }
    if (d == null && a.has("obligation")) {
      d = CoreVerbs.differs("obligation", a.longValue("obligation"), e.obligationPermits());
    }
    if (d == null && a.has("shortfall")) {
      d = CoreVerbs.differs("shortfall", a.longValue("shortfall"), e.shortfallPermits());
    }
    if (d == null && a.has("penalty")) {
      d = CoreVerbs.differs("penalty", a.longValue("penalty"), e.penaltyCents());
    }
    return d;
  }

  private static String audited(EngineState s, ScriptArgs a) {
    int period = a.intValue("period");
    List<Long> drawn = s.compliance().audited(period);
    if (drawn == null) {
      return "period " + period + " has not been closed";
    }
    String text = a.string("accounts");
    List<Long> expected = new ArrayList<>();
    if (!text.equals("none")) {
      for (String part : text.split(",")) {
        expected.add(Long.parseLong(part.strip()));
      }
    }
    return drawn.equals(expected) ? null : "audited " + drawn + ", expected " + expected;
  }
}
