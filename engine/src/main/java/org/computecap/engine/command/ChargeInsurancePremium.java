package org.computecap.engine.command;

/**
 * Charges a participant the premium {@code pi(insurer's signal)} per unit of its reported quantity
 * for a period, paid to the insurer that evaluated it, which must still be the participant's
 * appointed insurer; once per period.
 */
public record ChargeInsurancePremium(long accountId, int period) implements ComplianceCommand {
  public ChargeInsurancePremium {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
  }
}
