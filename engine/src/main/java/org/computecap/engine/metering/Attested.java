package org.computecap.engine.metering;

import org.computecap.engine.program.MeteredQuantity;
import org.computecap.engine.program.Metering;
import org.computecap.engine.program.Ppm;

/**
 * A participant's attested totals for one period (issue 17): the sum over the readings its meters
 * delivered while the period was current. Each reading's figure {@code x} (joules, or GFLOP) with
 * its meter's uncertainty {@code u} ppm adds {@code floor(x · (10^6 - u) / 10^6)} to the low sum
 * and {@code ceil(x · (10^6 + u) / 10^6)} to the high sum, so {@code low <= x <= high} per reading
 * and in total. Sums saturate at {@code Long.MAX_VALUE} (a meter's counter is at most 10^18, so
 * only a great many meters could get there).
 */
public record Attested(
    long readings,
    long energyJoules,
    long energyLowJoules,
    long energyHighJoules,
    long computeGflop,
    long computeLowGflop,
    long computeHighGflop) {

  static final Attested NONE = new Attested(0, 0, 0, 0, 0, 0, 0);

  /** The attested figure in the program's covered units, rounded down. */
  public long units(Metering m) {
    return m.floorUnits(m.measures() == MeteredQuantity.ENERGY ? energyJoules : computeGflop);
  }

  /**
   * The least quantity the readings attest, in covered units rounded down: the attested figure less
   * its meters' uncertainty. It settles an obligation (SETTLES) and a report below it raises an
   * audit signal (AUDIT_SIGNAL).
   */
  public long lowUnits(Metering m) {
    return m.floorUnits(m.measures() == MeteredQuantity.ENERGY ? energyLowJoules : computeLowGflop);
  }

  /** The most the readings allow, in covered units rounded up. */
  public long highUnits(Metering m) {
    return m.ceilUnits(
        m.measures() == MeteredQuantity.ENERGY ? energyHighJoules : computeHighGflop);
  }

  Attested plus(long energy, long gflop, long uncertaintyPpm) {
    long down = 1_000_000L - uncertaintyPpm;
    long up = 1_000_000L + uncertaintyPpm;
    return new Attested(
        readings + 1,
        add(energyJoules, energy),
        add(energyLowJoules, Ppm.floorOf(energy, down)),
        add(energyHighJoules, Ppm.ceilOf(energy, up)),
        add(computeGflop, gflop),
        add(computeLowGflop, Ppm.floorOf(gflop, down)),
        add(computeHighGflop, Ppm.ceilOf(gflop, up)));
  }

  private static long add(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }
}
