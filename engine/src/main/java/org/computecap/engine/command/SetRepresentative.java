package org.computecap.engine.command;

/**
 * Sets what a person may do for an account: initiate commands, approve others' commands, both, or
 * (both false) nothing any more, which removes the representative. Account 0 is the market
 * regulator: its representatives are the regulator's persons. Set by a regulator principal.
 */
public record SetRepresentative(
    long accountId, long personId, boolean initiator, boolean approver, long setBy)
    implements RepresentativeCommand {
  public SetRepresentative {
    AccessFields.principal("accountId", accountId);
    Fields.positive("personId", personId);
    AccessFields.principal("setBy", setBy);
  }
}
