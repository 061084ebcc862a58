package org.computecap.engine.allocation;

/**
 * One participant's verified activity in one period: output (e.g. FLOP units served) and the
 * covered quantity it took (e.g. kWh). Its ratio is the participant's intensity {@code E_i}.
 */
public record Activity(long outputUnits, long coveredQuantity) {
  public Activity {
    if (outputUnits < 0) {
      throw new IllegalArgumentException("outputUnits: " + outputUnits + " is below 0");
    }
    if (coveredQuantity < 0) {
      throw new IllegalArgumentException("coveredQuantity: " + coveredQuantity + " is below 0");
    }
  }
}
