package org.computecap.engine.command;

/**
 * Journal encoding of attested metering's commands (issue 17), tags 640-671 (stable forever; the
 * range is chosen apart from the neighbouring issue 15 and 17 work's).
 */
final class MeteringCodec implements CodecPart {
  private static final int REGISTER_METER = 640;
  private static final int RETIRE_METER = 641;
  private static final int REPLACE_METER = 642;
  private static final int SUBMIT_METER_READING = 643;

  @Override
  public int firstTag() {
    return 640;
  }

  @Override
  public int lastTag() {
    return 671;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof RegisterMeter c) {
      out.writeLong(c.meterId()).writeLong(c.accountId());
      c.meter().write(out);
      return REGISTER_METER;
    } else if (command instanceof RetireMeter c) {
      out.writeLong(c.meterId()).writeString(c.reason());
      return RETIRE_METER;
    } else if (command instanceof ReplaceMeter c) {
      out.writeLong(c.meterId()).writeLong(c.newMeterId());
      c.meter().write(out);
      out.writeString(c.reason());
      return REPLACE_METER;
    } else if (command instanceof SubmitMeterReading c) {
      out.writeLong(c.meterId()).writeLong(c.accountId()).writeLong(c.sequence());
      out.writeLong(c.intervalStartSeconds()).writeLong(c.intervalEndSeconds());
      out.writeLong(c.counterStartJoules()).writeLong(c.counterEndJoules());
      out.writeLong(c.computeGflop()).writeString(c.method()).writeString(c.signature());
      return SUBMIT_METER_READING;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case REGISTER_METER:
        return new RegisterMeter(in.readLong(), in.readLong(), MeterSpec.read(in));
      case RETIRE_METER:
        return new RetireMeter(in.readLong(), in.readString());
      case REPLACE_METER:
        return new ReplaceMeter(in.readLong(), in.readLong(), MeterSpec.read(in), in.readString());
      case SUBMIT_METER_READING:
        return new SubmitMeterReading(
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readString(),
            in.readString());
      default:
        break;
    }
    throw new IllegalArgumentException("unknown metering command tag " + tag);
  }
}
