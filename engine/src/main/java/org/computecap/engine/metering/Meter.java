package org.computecap.engine.metering;

import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.command.MeterSpec;

/**
 * One registered meter (issue 17): the account it is bound to, what the regulator registered (key,
 * description, class, uncertainty), whether it is retired and by which meter it was replaced, and
 * where its readings stand, which is what the next reading is checked against: the last sequence
 * number, the end of the last interval and the counter's value then. A replacement meter starts
 * with {@code notBeforeSeconds}, the end of its predecessor's last interval. Mutated only by {@link
 * MeteringHandler}; adapters read it through the getters.
 */
public final class Meter {
  final long id;
  final long accountId;
  final MeterSpec spec;
  boolean retired;
  long replacedBy;
  long notBeforeSeconds;
  long readings;
  long lastSequence;
  long lastIntervalEndSeconds;
  long lastCounterEndJoules;

  Meter(long id, long accountId, MeterSpec spec, long notBeforeSeconds) {
    this.id = id;
    this.accountId = accountId;
    this.spec = spec;
    this.notBeforeSeconds = notBeforeSeconds;
  }

  public long id() {
    return id;
  }

  public long accountId() {
    return accountId;
  }

  /** The key, description, class and uncertainty the regulator registered. */
  public MeterSpec spec() {
    return spec;
  }

  public boolean retired() {
    return retired;
  }

  /** The meter that replaced this one, or 0. */
  public long replacedBy() {
    return replacedBy;
  }

  /** The earliest interval start of this meter's first reading (0: no bound). */
  public long notBeforeSeconds() {
    return notBeforeSeconds;
  }

  /** Readings accepted so far; the last one's sequence number equals it. */
  public long readings() {
    return readings;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public long lastIntervalEndSeconds() {
    return lastIntervalEndSeconds;
  }

  public long lastCounterEndJoules() {
    return lastCounterEndJoules;
  }

  void write(CanonicalWriter w) {
    w.writeLong(id).writeLong(accountId);
    w.writeString(spec.publicKey())
        .writeString(spec.description())
        .writeString(spec.meterClass())
        .writeLong(spec.uncertaintyPpm());
    w.writeBoolean(retired).writeLong(replacedBy).writeLong(notBeforeSeconds);
    w.writeLong(readings)
        .writeLong(lastSequence)
        .writeLong(lastIntervalEndSeconds)
        .writeLong(lastCounterEndJoules);
  }

  static Meter read(CanonicalReader r) {
    long id = r.readLong();
    long account = r.readLong();
    MeterSpec spec = new MeterSpec(r.readString(), r.readString(), r.readString(), r.readLong());
    Meter m = new Meter(id, account, spec, 0);
    m.retired = r.readBoolean();
    m.replacedBy = r.readLong();
    m.notBeforeSeconds = r.readLong();
    m.readings = r.readLong();
    m.lastSequence = r.readLong();
    m.lastIntervalEndSeconds = r.readLong();
    m.lastCounterEndJoules = r.readLong();
    return m;
  }
}
