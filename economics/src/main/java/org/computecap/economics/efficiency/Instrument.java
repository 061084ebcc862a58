package org.computecap.economics.efficiency;

/**
 * How energy is priced to the developer. Both instruments charge every unit of energy at the
 * margin; a permit program also hands out a free allocation that the developer sells when unused,
 * which is a lump sum as long as the allocation does not depend on the developer's own choices (see
 * {@link AllocationRule} for when it does). So a tax and a permit price that are equal give the
 * same choice and differ in utility by the value of the allocation.
 */
public sealed interface Instrument {

  /** What one more unit of energy costs the developer. */
  double energyPrice();

  /** Money the developer receives whatever it does. */
  double lumpSum();

  /**
   * A permit program: each unit of energy needs a permit at {@code price}; {@code freeAllocation}
   * permits are given for free and sold at the same price when not used.
   */
  record Permit(double price, double freeAllocation) implements Instrument {
    /** Validates both as finite and &gt;= 0. */
    public Permit {
      EfficiencyFirm.nonNegative("price", price);
      EfficiencyFirm.nonNegative("freeAllocation", freeAllocation);
    }

    @Override
    public double energyPrice() {
      return price;
    }

    @Override
    public double lumpSum() {
      return price * freeAllocation;
    }
  }

  /** A tax of {@code rate} on each unit of energy, nothing handed back. */
  record Tax(double rate) implements Instrument {
    /** Validates the rate as finite and &gt;= 0. */
    public Tax {
      EfficiencyFirm.nonNegative("rate", rate);
    }

    @Override
    public double energyPrice() {
      return rate;
    }

    @Override
    public double lumpSum() {
      return 0.0;
    }
  }
}
