package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.ReverseAllocation;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.compliance.ComplianceCode;
import org.computecap.engine.compliance.ComplianceRecord;
import org.computecap.engine.lifecycle.LifecycleState;
import org.computecap.engine.program.AccountStatus;

/**
 * The registry controls' words in scenario scripts (issue 15, {@code docs/scripts.md}): {@code
 * set-account-status acct= status= reason=}, {@code reverse-surrender acct= period= qty= reason=},
 * {@code reverse-allocation acct= period= qty= reason=}; {@code expect account-status acct= status=
 * [reason=]} and {@code expect compliance-code acct= period= code=A|B|C|D|none [late=]}.
 */
public final class LifecycleVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "set-account-status",
        a ->
            new SetAccountStatus(
                a.account("acct"), a.enumValue("status", AccountStatus.class), a.string("reason")));
    m.put(
        "reverse-surrender",
        a ->
            new ReverseSurrender(
                a.account("acct"), a.intValue("period"), a.longValue("qty"), a.string("reason")));
    m.put(
        "reverse-allocation",
        a ->
            new ReverseAllocation(
                a.account("acct"), a.intValue("period"), a.longValue("qty"), a.string("reason")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("account-status", LifecycleVerbs::accountStatus);
    m.put("compliance-code", LifecycleVerbs::complianceCode);
    return m;
  }

  private static String accountStatus(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    AccountStatus expected = a.enumValue("status", AccountStatus.class);
    AccountStatus actual = s.accountStatus(acct);
    if (actual != expected) {
      return "account " + acct + " is " + actual + ", expected " + expected;
    }
    if (a.has("reason")) {
      LifecycleState lifecycle = s.featureOrNull(LifecycleState.class);
      LifecycleState.Standing standing = lifecycle == null ? null : lifecycle.standing(acct);
      String reason = standing == null ? null : standing.reason();
      String wanted = a.string("reason");
      return wanted.equals(reason) ? null : "reason is " + reason + ", expected " + wanted;
    }
    return null;
  }

  private static String complianceCode(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    int period = a.intValue("period");
    ComplianceRecord r = s.compliance().record(s, acct, period);
    String code = r == null || r.code() == null ? "none" : r.code().name();
    String wanted = a.string("code");
    if (!wanted.equals("none")) {
      a.enumValue("code", ComplianceCode.class);
    }
    if (!wanted.equals(code)) {
      return "account " + acct + " period " + period + " has code " + code + ", expected " + wanted;
    }
    if (a.has("late")) {
      return CoreVerbs.differs(
          "late surrendered", a.longValue("late"), r == null ? 0 : r.surrenderedLatePermits());
    }
    return null;
  }
}
