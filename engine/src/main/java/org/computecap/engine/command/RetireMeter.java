package org.computecap.engine.command;

/**
 * A regulator retires a meter (it was decommissioned, or its key is no longer trusted), giving its
 * reason, which the journal keeps: the meter's readings stay counted, and it takes no more.
 */
public record RetireMeter(long meterId, String reason) implements MeteringCommand {
  public RetireMeter {
    Fields.positive("meterId", meterId);
    SetAccountStatus.reason(reason);
  }
}
