package org.computecap.engine.metering;

import java.util.List;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.MeterSpec;
import org.computecap.engine.command.MeteringCommand;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.program.PeriodRule;

/**
 * Applies attested metering's commands (issue 17). Registering, retiring and replacing meters are a
 * regulator's acts (the server lets only regulators send them). A reading is checked, in order: the
 * program has metering, the meter exists, the reading names the meter's account, the signature is
 * the meter key's, the sequence number is new (a resend of a delivered reading is refused as a
 * replay, which a metering agent takes as delivered), the meter is in service, the program still
 * runs, the counter did not run backwards (within the reading, or since the last one), no reading
 * is missing (sequence, interval or counter), and the interval does not overlap the last one (or
 * the replaced meter's). Only then is it counted for the current period.
 */
public final class MeteringHandler {
  private MeteringHandler() {}

  public static Result apply(WriteAccess access, MeteringCommand command) {
    EngineState state = access.state();
    if (!state.program().hasMetering()) {
      return Result.rejected(Rejection.METERING_NOT_IN_PROGRAM);
    }
    MeteringState s = state.feature(MeteringState.class);
    if (command instanceof RegisterMeter c) {
      return register(state, s, c);
    }
    if (command instanceof RetireMeter c) {
      return retire(s, c);
    }
    if (command instanceof ReplaceMeter c) {
      return replace(s, c);
    }
    if (command instanceof SubmitMeterReading c) {
      return reading(state, s, c);
    }
    throw new AssertionError("no metering handler for " + command.getClass().getName());
  }

  private static Result register(EngineState state, MeteringState s, RegisterMeter c) {
    Rejection rejection = null;
    Role role = state.registry().role(c.accountId());
    if (s.meters.containsKey(c.meterId())) {
      rejection = Rejection.METER_ALREADY_REGISTERED;
    } else if (role == null) {
      rejection = Rejection.UNKNOWN_ACCOUNT;
    } else if (role != Role.PARTICIPANT) {
      rejection = Rejection.ROLE_NOT_PERMITTED;
    } else if (state.accountStatus(c.accountId()) == AccountStatus.CLOSED) {
      rejection = Rejection.ACCOUNT_CLOSED;
    } else if (s.meterByKey.containsKey(c.meter().publicKey())) {
      rejection = Rejection.METER_KEY_ALREADY_REGISTERED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    return Result.accepted(add(s, c.meterId(), c.accountId(), c.meter(), 0, 0));
  }

  private static Result retire(MeteringState s, RetireMeter c) {
    Meter m = s.meters.get(c.meterId());
    Rejection rejection =
        m == null ? Rejection.UNKNOWN_METER : m.retired ? Rejection.METER_RETIRED : null;
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    m.retired = true;
    return Result.accepted(new MeterRetired(m.id, m.accountId, c.reason(), 0));
  }

  private static Result replace(MeteringState s, ReplaceMeter c) {
    Meter old = s.meters.get(c.meterId());
    Rejection rejection = null;
    if (old == null) {
      rejection = Rejection.UNKNOWN_METER;
    } else if (old.retired) {
      rejection = Rejection.METER_RETIRED;
    } else if (s.meters.containsKey(c.newMeterId())) {
      rejection = Rejection.METER_ALREADY_REGISTERED;
    } else if (s.meterByKey.containsKey(c.meter().publicKey())) {
      rejection = Rejection.METER_KEY_ALREADY_REGISTERED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    old.retired = true;
    old.replacedBy = c.newMeterId();
    // The successor may not count again what its predecessor counted.
    long notBefore = Math.max(old.notBeforeSeconds, old.lastIntervalEndSeconds);
    MeterRegistered registered =
        add(s, c.newMeterId(), old.accountId, c.meter(), old.id, notBefore);
    return Result.accepted(
        List.of(new MeterRetired(old.id, old.accountId, c.reason(), c.newMeterId()), registered));
  }

  private static MeterRegistered add(
      MeteringState s, long id, long account, MeterSpec spec, long replaces, long notBefore) {
    s.meters.put(id, new Meter(id, account, spec, notBefore));
    s.meterByKey.put(spec.publicKey(), id);
    return new MeterRegistered(
        id,
        account,
        spec.publicKey(),
        spec.description(),
        spec.meterClass(),
        spec.uncertaintyPpm(),
        replaces,
        notBefore);
  }

  private static Result reading(EngineState state, MeteringState s, SubmitMeterReading c) {
    Meter m = s.meters.get(c.meterId());
    Rejection rejection = null;
    if (m == null) {
      rejection = Rejection.UNKNOWN_METER;
    } else if (m.accountId != c.accountId()) {
      rejection = Rejection.METER_BOUND_TO_OTHER_ACCOUNT;
    } else if (!MeterSignatures.verify(m.spec.publicKey(), c.signedBytes(), c.signature())) {
      rejection = Rejection.METER_SIGNATURE_INVALID;
    } else if (c.sequence() <= m.lastSequence) {
      rejection = Rejection.METER_READING_REPLAYED;
    } else if (m.retired) {
      rejection = Rejection.METER_RETIRED;
    } else {
      rejection = PeriodRule.mustBeCurrent(state, state.currentPeriod());
    }
    if (rejection == null) {
      rejection = continuity(m, c);
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    int period = state.currentPeriod();
    long energy = c.energyJoules();
    m.readings++;
    m.lastSequence = c.sequence();
    m.lastIntervalEndSeconds = c.intervalEndSeconds();
    m.lastCounterEndJoules = c.counterEndJoules();
    TreeMap<Integer, Attested> byPeriod =
        s.attested.computeIfAbsent(m.accountId, a -> new TreeMap<>());
    Attested before = byPeriod.getOrDefault(period, Attested.NONE);
    byPeriod.put(period, before.plus(energy, c.computeGflop(), m.spec.uncertaintyPpm()));
    return Result.accepted(
        new MeterReadingAccepted(
            m.id,
            m.accountId,
            period,
            c.sequence(),
            c.intervalStartSeconds(),
            c.intervalEndSeconds(),
            c.counterStartJoules(),
            c.counterEndJoules(),
            energy,
            c.computeGflop(),
            c.method()));
  }

  /**
   * The reading against the meter's last one: the counter never runs backwards, no reading is
   * missing (the next sequence number, the interval and the counter continue where the last reading
   * ended), and no interval overlaps the last one (or, for a meter's first reading, the end of the
   * meter it replaced).
   */
  private static Rejection continuity(Meter m, SubmitMeterReading c) {
    boolean first = m.readings == 0;
    if (c.counterEndJoules() < c.counterStartJoules()
        || !first && c.counterStartJoules() < m.lastCounterEndJoules) {
      return Rejection.METER_COUNTER_BACKWARDS;
    }
    if (c.sequence() != m.lastSequence + 1
        || !first && c.intervalStartSeconds() > m.lastIntervalEndSeconds
        || !first && c.counterStartJoules() > m.lastCounterEndJoules) {
      return Rejection.METER_READING_GAP;
    }
    long notBefore = first ? m.notBeforeSeconds : m.lastIntervalEndSeconds;
    if (c.intervalStartSeconds() < notBefore) {
      return Rejection.METER_READING_OVERLAP;
    }
    return null;
  }
}
