package org.computecap.engine.command;

/**
 * What an account is for (§3). Participants hold permits and cash and bear obligations; insurers
 * hold cash (premiums); auditors and the regulator's own accounts act without holding anything (the
 * regulator's system accounts are the exception, see {@link SystemAccount}).
 */
public enum Role {
  REGULATOR,
  PARTICIPANT,
  AUDITOR,
  INSURER
}
