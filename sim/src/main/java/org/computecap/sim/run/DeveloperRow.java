package org.computecap.sim.run;

/**
 * One developer's totals over the run, for developers.csv and the report's "who earned and who
 * paid" chart. Money in cents; compute in the scenario's unit.
 *
 * @param netTradingCents cash received from exchange sales less cash paid for exchange and
 *     primary-auction purchases
 * @param relocatedPeriod the period it relocated in, 0 if it never did
 */
public record DeveloperRow(
    long accountId,
    String name,
    String type,
    String sizeClass,
    String strategy,
    double compute,
    double baselineCompute,
    double energy,
    long permitsAllocated,
    long permitsBought,
    long permitsSold,
    long netTradingCents,
    long penaltiesCents,
    int audits,
    double unreportedPermits,
    int manipulations,
    double lastEffort,
    int relocatedPeriod) {}
