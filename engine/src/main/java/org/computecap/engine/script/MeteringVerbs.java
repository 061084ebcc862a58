package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.MeterSpec;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.engine.metering.Attested;
import org.computecap.engine.metering.Meter;
import org.computecap.engine.metering.MeteringState;

/**
 * Attested metering's words in scenario scripts (issue 17, {@code docs/scripts.md}). Keys are named
 * ({@link ScriptMeterKeys}): {@code register-meter id= acct= key= class= uncertainty=
 * [description=]}, {@code retire-meter id= reason=}, {@code replace-meter id= new= key= class=
 * uncertainty= reason= [description=]}, {@code meter-reading meter= acct= seq= start= end=
 * counter-start= counter-end= [gflop=0] [method=script] key= [altered-counter-end=]} (signed with
 * the named key; {@code altered-counter-end} changes the counter's end after signing, as a forger
 * would); {@code expect meter id= [readings=] [retired=] [replaced-by=]} and {@code expect attested
 * acct= period= [readings=] [energy=] [gflop=] [units=] [low=] [high=]}.
 */
public final class MeteringVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "register-meter",
        a -> new RegisterMeter(a.longValue("id"), a.account("acct"), spec(a, "id")));
    m.put("retire-meter", a -> new RetireMeter(a.longValue("id"), a.string("reason")));
    m.put(
        "replace-meter",
        a ->
            new ReplaceMeter(
                a.longValue("id"), a.longValue("new"), spec(a, "new"), a.string("reason")));
    m.put("meter-reading", MeteringVerbs::reading);
    return m;
  }

  private static MeterSpec spec(ScriptArgs a, String idKey) {
    String key = a.string("key");
    String description =
        a.has("description") ? a.string("description") : "script-meter-" + a.longValue(idKey);
    return new MeterSpec(
        MeterSignatures.encode(ScriptMeterKeys.pair(key).getPublic()),
        description,
        a.string("class"),
        a.longValue("uncertainty"));
  }

  private static SubmitMeterReading reading(ScriptArgs a) {
    long meter = a.longValue("meter");
    long account = a.account("acct");
    long seq = a.longValue("seq");
    long start = a.longValue("start");
    long end = a.longValue("end");
    long counterStart = a.longValue("counter-start");
    long counterEnd = a.longValue("counter-end");
    long gflop = a.longValue("gflop", 0);
    String method = a.has("method") ? a.string("method") : "script";
    SubmitMeterReading unsigned =
        new SubmitMeterReading(
            meter,
            account,
            seq,
            start,
            end,
            counterStart,
            counterEnd,
            gflop,
            method,
            SubmitMeterReading.UNSIGNED);
    String signature =
        MeterSignatures.sign(
            ScriptMeterKeys.pair(a.string("key")).getPrivate(), unsigned.signedBytes());
    long submittedEnd = a.longValue("altered-counter-end", counterEnd);
    return new SubmitMeterReading(
        meter, account, seq, start, end, counterStart, submittedEnd, gflop, method, signature);
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("meter", MeteringVerbs::meter);
    m.put("attested", MeteringVerbs::attested);
    return m;
  }

  private static String meter(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    MeteringState metering = s.featureOrNull(MeteringState.class);
    Meter meter = metering == null ? null : metering.meter(id);
    if (meter == null) {
      return "no meter " + id;
    }
    String d = null;
    if (a.has("readings")) {
      d = CoreVerbs.differs("readings", a.longValue("readings"), meter.readings());
    }
    if (d == null && a.has("retired") && a.booleanValue("retired") != meter.retired()) {
      d = "meter " + id + " retired is " + meter.retired();
    }
    if (d == null && a.has("replaced-by")) {
      d = CoreVerbs.differs("replaced by", a.longValue("replaced-by"), meter.replacedBy());
    }
    return d;
  }

  private static String attested(EngineState s, ScriptArgs a) {
    MeteringState metering = s.featureOrNull(MeteringState.class);
    if (metering == null) {
      return "the program has no metering";
    }
    Attested t = metering.attested(a.account("acct"), a.intValue("period"));
    var program = s.program().metering();
    String d = null;
    d = check(d, a, "readings", t.readings());
    d = check(d, a, "energy", t.energyJoules());
    d = check(d, a, "gflop", t.computeGflop());
    d = check(d, a, "units", t.units(program));
    d = check(d, a, "low", t.lowUnits(program));
    return check(d, a, "high", t.highUnits(program));
  }

  private static String check(String found, ScriptArgs a, String key, long actual) {
    return found != null || !a.has(key) ? found : CoreVerbs.differs(key, a.longValue(key), actual);
  }
}
