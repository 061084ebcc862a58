package org.computecap.engine.program;

/**
 * Which figure of an attested meter reading is the program's covered quantity (issue 17): the
 * energy its counter measured ({@link #ENERGY}, a P1-style energy program) or its compute estimate
 * ({@link #COMPUTE}, a P2-style compute program).
 */
public enum MeteredQuantity {
  ENERGY,
  COMPUTE
}
