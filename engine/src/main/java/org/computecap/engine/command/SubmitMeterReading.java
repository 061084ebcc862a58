package org.computecap.engine.command;

/**
 * A meter's signed reading (issue 17): over the interval {@code [intervalStartSeconds,
 * intervalEndSeconds)} (epoch seconds by the meter's clock) its monotonic energy counter went from
 * {@code counterStartJoules} to {@code counterEndJoules}, and the compute done in it is estimated
 * at {@code computeGflop} (10^9 FLOP) by {@code method}; {@code sequence} numbers the meter's
 * readings from 1. {@code signature} is the meter key's Ed25519 signature (base64) of {@link
 * MeterSignatures#signedBytes}. A counter that ran backwards is well-formed here and refused by the
 * engine ({@code METER_COUNTER_BACKWARDS}): it is something a meter can report, not a typo.
 */
public record SubmitMeterReading(
    long meterId,
    long accountId,
    long sequence,
    long intervalStartSeconds,
    long intervalEndSeconds,
    long counterStartJoules,
    long counterEndJoules,
    long computeGflop,
    String method,
    String signature)
    implements MeteringCommand {
  /** The largest counter value, compute estimate and sequence number taken (10^18). */
  public static final long MAX_VALUE = 1_000_000_000_000_000_000L;

  /** The latest time a reading may name, in epoch seconds (about the year 33658). */
  public static final long MAX_SECONDS = 1_000_000_000_000L;

  /** The longest method description. */
  public static final int MAX_METHOD_LENGTH = 200;

  /**
   * A well-formed signature of 64 zero bytes, which no key makes: what a reading carries before it
   * is signed ({@link #withSignature}).
   */
  public static final String UNSIGNED = "A".repeat(86) + "==";

  public SubmitMeterReading {
    Fields.positive("meterId", meterId);
    Fields.accountId("accountId", accountId);
    range("sequence", sequence, 1, MAX_VALUE);
    range("intervalStartSeconds", intervalStartSeconds, 0, MAX_SECONDS - 1);
    range("intervalEndSeconds", intervalEndSeconds, intervalStartSeconds + 1, MAX_SECONDS);
    range("counterStartJoules", counterStartJoules, 0, MAX_VALUE);
    range("counterEndJoules", counterEndJoules, 0, MAX_VALUE);
    range("computeGflop", computeGflop, 0, MAX_VALUE);
    if (method == null
        || method.isBlank()
        || method.length() > MAX_METHOD_LENGTH
        || method.chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e)) {
      throw new InvalidFieldException(
          "method",
          "method must be 1 to "
              + MAX_METHOD_LENGTH
              + " printable ASCII characters, got "
              + (method == null ? "nothing" : method.length() + " characters"));
    }
    MeterSignatures.signatureShape("signature", signature);
  }

  /** The same reading with {@code signature} (base64). */
  public SubmitMeterReading withSignature(String signature) {
    return new SubmitMeterReading(
        meterId,
        accountId,
        sequence,
        intervalStartSeconds,
        intervalEndSeconds,
        counterStartJoules,
        counterEndJoules,
        computeGflop,
        method,
        signature);
  }

  /** The bytes the meter signed. */
  public byte[] signedBytes() {
    return MeterSignatures.signedBytes(this);
  }

  /** The energy the counter measured over the interval (negative when it ran backwards). */
  public long energyJoules() {
    return counterEndJoules - counterStartJoules;
  }

  private static void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidFieldException(
          field, field + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
