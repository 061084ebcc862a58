package org.computecap.engine.command;

/**
 * A regulator replaces meter {@code meterId} by a new meter {@code newMeterId} on the same account
 * (new hardware, or a new key after the old one leaked): the old meter is retired, and the new
 * one's first reading may not start before the old one's last reading ended, so nothing is counted
 * twice.
 */
public record ReplaceMeter(long meterId, long newMeterId, MeterSpec meter, String reason)
    implements MeteringCommand {
  public ReplaceMeter {
    Fields.positive("meterId", meterId);
    Fields.positive("newMeterId", newMeterId);
    if (newMeterId == meterId) {
      throw new InvalidFieldException(
          "newMeterId", "newMeterId must differ from meterId, got " + newMeterId + " for both");
    }
    Fields.required("meter", meter);
    SetAccountStatus.reason(reason);
  }
}
