package org.computecap.engine.command;

import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;

/** Journal encoding of the compliance commands, tags 192-255 (stable forever). */
final class ComplianceCodec implements CodecPart {
  private static final int SUBMIT_REPORT = 192;
  private static final int RECORD_METER_READING = 193;
  private static final int RECORD_EVALUATION = 194;
  private static final int RECORD_INSURER_EVALUATION = 195;
  private static final int CHARGE_INSURANCE_PREMIUM = 196;
  private static final int CLOSE_PERIOD = 197;
  private static final int RECORD_AUDIT_FINDING = 198;
  private static final int PAY_OUTSTANDING_PENALTY = 199;
  private static final int POST_COLLATERAL = 200;
  private static final int RETURN_COLLATERAL = 201;

  @Override
  public int firstTag() {
    return 192;
  }

  @Override
  public int lastTag() {
    return 255;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof SubmitReport c) {
      out.writeLong(c.accountId())
          .writeInt(c.period())
          .writeEnum(c.workload())
          .writeLong(c.quantity());
      return SUBMIT_REPORT;
    } else if (command instanceof RecordMeterReading c) {
      out.writeLong(c.accountId()).writeInt(c.period()).writeLong(c.quantity());
      return RECORD_METER_READING;
    } else if (command instanceof RecordEvaluation c) {
      out.writeLong(c.accountId()).writeInt(c.period());
      writeSignal(out, c.signal());
      return RECORD_EVALUATION;
    } else if (command instanceof RecordInsurerEvaluation c) {
      out.writeLong(c.insurerId()).writeLong(c.accountId()).writeInt(c.period());
      writeSignal(out, c.signal());
      return RECORD_INSURER_EVALUATION;
    } else if (command instanceof ChargeInsurancePremium c) {
      out.writeLong(c.accountId()).writeInt(c.period());
      return CHARGE_INSURANCE_PREMIUM;
    } else if (command instanceof ClosePeriod c) {
      out.writeInt(c.period());
      return CLOSE_PERIOD;
    } else if (command instanceof RecordAuditFinding c) {
      out.writeLong(c.accountId()).writeInt(c.period()).writeLong(c.measuredQuantity());
      return RECORD_AUDIT_FINDING;
    } else if (command instanceof PayOutstandingPenalty c) {
      out.writeLong(c.accountId());
      return PAY_OUTSTANDING_PENALTY;
    } else if (command instanceof PostCollateral c) {
      out.writeLong(c.accountId());
      return POST_COLLATERAL;
    } else if (command instanceof ReturnCollateral c) {
      out.writeLong(c.accountId());
      return RETURN_COLLATERAL;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case SUBMIT_REPORT:
        return new SubmitReport(
            in.readLong(), in.readInt(), in.readEnum(Workload.class), in.readLong());
      case RECORD_METER_READING:
        return new RecordMeterReading(in.readLong(), in.readInt(), in.readLong());
      case RECORD_EVALUATION:
        return new RecordEvaluation(in.readLong(), in.readInt(), readSignal(in));
      case RECORD_INSURER_EVALUATION:
        return new RecordInsurerEvaluation(
            in.readLong(), in.readLong(), in.readInt(), readSignal(in));
      case CHARGE_INSURANCE_PREMIUM:
        return new ChargeInsurancePremium(in.readLong(), in.readInt());
      case CLOSE_PERIOD:
        return new ClosePeriod(in.readInt());
      case RECORD_AUDIT_FINDING:
        return new RecordAuditFinding(in.readLong(), in.readInt(), in.readLong());
      case PAY_OUTSTANDING_PENALTY:
        return new PayOutstandingPenalty(in.readLong());
      case POST_COLLATERAL:
        return new PostCollateral(in.readLong());
      case RETURN_COLLATERAL:
        return new ReturnCollateral(in.readLong());
      default:
        throw new IllegalArgumentException("unknown compliance command tag " + tag);
    }
  }

  // A signal was the ordinal of the two-constant enum L, H (one byte, 0 or 1); those two still are,
  // so an old journal replays and a two-class command's bytes are unchanged. Any other class of a
  // program is the byte 2 followed by its name.
  private static final int OTHER_SIGNAL = 2;

  private static void writeSignal(CommandWriter out, RiskSignal signal) {
    if (signal.equals(RiskSignal.L)) {
      out.writeByte(0);
    } else if (signal.equals(RiskSignal.H)) {
      out.writeByte(1);
    } else {
      out.writeByte(OTHER_SIGNAL).writeString(signal.name());
    }
  }

  private static RiskSignal readSignal(CommandReader in) {
    int tag = in.readByte();
    return switch (tag) {
      case 0 -> RiskSignal.L;
      case 1 -> RiskSignal.H;
      case OTHER_SIGNAL -> RiskSignal.valueOf(in.readString());
      default -> throw new IllegalArgumentException("signal tag must be 0, 1 or 2, got " + tag);
    };
  }
}
