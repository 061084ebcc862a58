package org.computecap.engine.command;

/**
 * Appoints the insurer of a participant (replacing any earlier one): by the participant itself or
 * by a regulator ({@code appointedBy}), never by an insurer, so no insurer can make itself anyone's
 * insurer.
 */
public record AppointInsurer(long accountId, long insurerId, long appointedBy)
    implements AccessCommand {
  public AppointInsurer {
    Fields.accountId("accountId", accountId);
    Fields.accountId("insurerId", insurerId);
    AccessFields.principal("appointedBy", appointedBy);
  }
}
