package org.computecap.engine.stability;

/** Which formula of the stability reserve rule applies to a TNAC (docs/rules.md). */
public enum StabilityBand {
  /** TNAC above the upper threshold: intake is the rate times TNAC. */
  RATE_INTAKE,
  /** TNAC above the lower threshold, at most the upper: intake is TNAC minus the lower. */
  EXCESS_INTAKE,
  /** TNAC from the release threshold to the lower threshold, both included: nothing. */
  NO_ACTION,
  /** TNAC below the release threshold: release. */
  RELEASE
}
