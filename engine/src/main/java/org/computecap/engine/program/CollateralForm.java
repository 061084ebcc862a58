package org.computecap.engine.program;

/** What a participant's collateral is posted in (issue 17): cash cents or permits. */
public enum CollateralForm {
  CASH,
  PERMITS
}
