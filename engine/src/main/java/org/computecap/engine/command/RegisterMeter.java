package org.computecap.engine.command;

/** A regulator registers meter {@code meterId}, bound to participant account {@code accountId}. */
public record RegisterMeter(long meterId, long accountId, MeterSpec meter)
    implements MeteringCommand {
  public RegisterMeter {
    Fields.positive("meterId", meterId);
    Fields.accountId("accountId", accountId);
    Fields.required("meter", meter);
  }
}
