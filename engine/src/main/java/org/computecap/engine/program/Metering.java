package org.computecap.engine.program;

import java.math.BigInteger;

/**
 * Attested metering (issue 17), the program's optional {@code metering} section: with it the engine
 * keeps a registry of meters and their signed readings; without it the engine keeps no metering
 * state at all, so every other program's state hash is what it was before metering existed.
 *
 * <p>A reading's energy is in joules and its compute estimate in GFLOP (10^9 FLOP, so a long holds
 * 9.2·10^27 FLOP); {@code unitJoules} or {@code unitGflop} says how many of them make one unit of
 * the covered quantity (3,600,000 J for a kWh program; 1,000,000 GFLOP for a PFLOP program).
 *
 * @param attested what attested readings do to compliance
 * @param measures which figure of a reading is the covered quantity
 * @param unitJoules joules in one unit of the covered quantity (ENERGY), else 0
 * @param unitGflop GFLOP in one unit of the covered quantity (COMPUTE), else 0
 */
public record Metering(
    AttestedUse attested, MeteredQuantity measures, long unitJoules, long unitGflop) {

  /** How many of the reading's own units (joules or GFLOP) make one covered unit. */
  public long perUnit() {
    return measures == MeteredQuantity.ENERGY ? unitJoules : unitGflop;
  }

  /** {@code floor(amount / perUnit)}: whole covered units, rounded down. */
  public long floorUnits(long amount) {
    return amount / perUnit();
  }

  /** {@code ceil(amount / perUnit)}: whole covered units, rounded up. */
  public long ceilUnits(long amount) {
    return BigInteger.valueOf(amount)
        .add(BigInteger.valueOf(perUnit() - 1))
        .divide(BigInteger.valueOf(perUnit()))
        .longValueExact();
  }
}
