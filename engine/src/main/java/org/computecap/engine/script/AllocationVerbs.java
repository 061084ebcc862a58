package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.allocation.AllocationState;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.SetAssistanceFactor;

/**
 * Allocation's words in scenario scripts ({@code docs/scripts.md}): {@code record-activity acct=
 * period= output= covered=}, {@code set-assistance acct= ppm=}, {@code allocate-free period=},
 * {@code allocate-new-entrant acct= projected=}; and {@code expect free-allocation period=
 * [allocated=] [unallocated-free=] [benchmark=n/d] [reserve=]} and {@code expect granted acct=
 * period= qty=}.
 */
public final class AllocationVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "record-activity",
        a ->
            new RecordVerifiedActivity(
                a.account("acct"),
                a.intValue("period"),
                a.longValue("output"),
                a.longValue("covered")));
    m.put("set-assistance", a -> new SetAssistanceFactor(a.account("acct"), a.longValue("ppm")));
    m.put("allocate-free", a -> new AllocateFreePermits(a.intValue("period")));
    m.put(
        "allocate-new-entrant",
        a -> new AllocateNewEntrant(a.account("acct"), a.longValue("projected")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("free-allocation", AllocationVerbs::freeAllocation);
    m.put(
        "granted",
        (s, a) ->
            CoreVerbs.differs(
                "free permits granted",
                a.longValue("qty"),
                state(s).grantedPermits(a.account("acct"), a.intValue("period"))));
    return m;
  }

  private static AllocationState state(EngineState s) {
    return s.allocation();
  }

  private static String freeAllocation(EngineState s, ScriptArgs a) {
    int period = a.intValue("period");
    AllocationState.Summary p = state(s).period(period);
    if (p == null) {
      return "period " + period + " has no free allocation";
    }
    String d = null;
    if (a.has("allocated")) {
      d = CoreVerbs.differs("allocated", a.longValue("allocated"), p.allocatedPermits());
    }
    if (d == null && a.has("unallocated")) {
      d =
          CoreVerbs.differs(
              "unallocated",
              a.longValue("unallocated"),
              p.incumbentBudgetPermits() - p.allocatedPermits());
    }
    if (d == null && a.has("reserve")) {
      d =
          CoreVerbs.differs(
              "new-entrant reserve", a.longValue("reserve"), p.reserveFundedPermits());
    }
    if (d == null && a.has("benchmark") && !a.string("benchmark").equals(p.benchmark())) {
      d = "benchmark is " + p.benchmark() + ", expected " + a.string("benchmark");
    }
    return d;
  }
}
