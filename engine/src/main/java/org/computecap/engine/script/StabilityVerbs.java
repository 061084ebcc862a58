package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.stability.StabilityBand;
import org.computecap.engine.stability.StabilityRule;
import org.computecap.engine.stability.StabilityState;

/**
 * The stability reserve's words in scenario scripts ({@code docs/scripts.md}): it has no command of
 * its own (it acts inside {@code close-period} and {@code open-auction}), only {@code expect
 * stability period= [tnac=] [band=RATE_INTAKE|EXCESS_INTAKE|NO_ACTION|RELEASE] [intake=]
 * [withheld=] [release=] [invalidated=] [reserve=]}, checking what it did at the close of {@code
 * period}, and {@code expect stability-release period= [auction=|none]}, checking which auction
 * took that period's release.
 */
public final class StabilityVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    return Map.of();
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("stability", StabilityVerbs::settlement);
    m.put("stability-release", StabilityVerbs::release);
    return m;
  }

  private static String settlement(EngineState s, ScriptArgs a) {
    int period = a.intValue("period");
    StabilityState state = s.featureOrNull(StabilityState.class);
    if (state == null) {
      return "the program has no stability reserve";
    }
    StabilityState.Settlement settled = state.settlement(period);
    if (settled == null) {
      return "the stability reserve has not settled period " + period;
    }
    StabilityRule.Decision d = settled.decision();
    String diff = null;
    if (a.has("tnac")) {
      diff = CoreVerbs.differs("TNAC", a.longValue("tnac"), settled.tnacPermits());
    }
    if (diff == null && a.has("band")) {
      StabilityBand band = a.enumValue("band", StabilityBand.class);
      diff = band == d.band() ? null : "band is " + d.band() + ", expected " + band;
    }
    if (diff == null && a.has("intake")) {
      diff = CoreVerbs.differs("intake", a.longValue("intake"), d.intakePermits());
    }
    if (diff == null && a.has("withheld")) {
      diff = CoreVerbs.differs("withheld", a.longValue("withheld"), d.withheldPermits());
    }
    if (diff == null && a.has("release")) {
      diff = CoreVerbs.differs("release", a.longValue("release"), d.releasePermits());
    }
    if (diff == null && a.has("invalidated")) {
      diff = CoreVerbs.differs("invalidated", a.longValue("invalidated"), d.invalidatedPermits());
    }
    if (diff == null && a.has("reserve")) {
      diff = CoreVerbs.differs("reserve after", a.longValue("reserve"), d.reserveAfterPermits());
    }
    return diff;
  }

  private static String release(EngineState s, ScriptArgs a) {
    int period = a.intValue("period");
    StabilityState state = s.featureOrNull(StabilityState.class);
    if (state == null) {
      return "the program has no stability reserve";
    }
    Long taken = state.releaseTakenBy(period);
    String expected = a.string("auction");
    String actual = taken == null ? "none" : Long.toString(taken);
    return expected.equals(actual)
        ? null
        : "period "
            + period
            + "'s release was taken by auction "
            + actual
            + ", expected "
            + expected;
  }
}
