package org.computecap.engine.allocation;

import java.util.List;

/**
 * The result of sharing one period's free budget: grants sorted by account id (zero grants
 * included, so everyone considered is listed), the permits left unallocated (they stay unissued in
 * the reserve), whether the entitlements were scaled to use the budget exactly (the cross-sectoral
 * correction factor of BENCHMARK, or GRANDFATHER's proportional shares), and the benchmark {@code
 * B} (zero for methods that use none).
 */
public record AllocationOutcome(
    List<Grant> grants,
    long budgetPermits,
    long allocatedPermits,
    long unallocatedPermits,
    boolean scaledToBudget,
    Fraction benchmark) {
  public AllocationOutcome {
    grants = List.copyOf(grants);
    long sum = 0;
    for (Grant g : grants) {
      sum = Math.addExact(sum, g.permits());
    }
    if (sum != allocatedPermits
        || allocatedPermits + unallocatedPermits != budgetPermits
        || unallocatedPermits < 0) {
      throw new AssertionError(
          "allocation does not add up: grants "
              + sum
              + ", allocated "
              + allocatedPermits
              + ", unallocated "
              + unallocatedPermits
              + ", budget "
              + budgetPermits);
    }
  }
}
