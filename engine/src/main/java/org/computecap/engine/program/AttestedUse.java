package org.computecap.engine.program;

/**
 * What attested meter readings (issue 17) do to compliance, the program's {@code
 * metering.attested}: {@link #SETTLES} the attested quantity, less its meters' uncertainty, is the
 * least quantity a participant's obligation is assessed on; {@link #AUDIT_SIGNAL} a report below
 * that figure raises the participant's audit probability for the period to the targeted one; {@link
 * #OFF} readings are recorded and shown but change nothing.
 */
public enum AttestedUse {
  SETTLES,
  AUDIT_SIGNAL,
  OFF
}
