package org.computecap.sim.scenario;

import java.util.List;

/**
 * A simulation to run: the regulator's program (its YAML text goes to the engine unchanged in
 * {@code OpenMarket}), the population of developer types, the market settings and the seed.
 * Everything a run does follows from this record, so the same scenario and seed always give the
 * same journal and state hash.
 *
 * @param periods how many periods to simulate, at most the program's period count
 * @param demand how demand moves from period to period ({@link DemandShocks#NONE}: never)
 * @param damage the damage of the compute the program covers ({@link ComputeDamage#NONE}: none)
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int periods,
    String programYaml,
    ProgramTerms program,
    MarketSettings market,
    List<DeveloperType> developers,
    DemandShocks demand,
    ComputeDamage damage) {

  public Scenario {
    developers = List.copyOf(developers);
    demand = demand == null ? DemandShocks.NONE : demand;
    damage = damage == null ? ComputeDamage.NONE : damage;
    refuseUnfundablePopulation(name, market, developers);
  }

  // Every developer's starting cash is deposited into one ledger, which counts all cash ever
  // deposited in a long: a population scaled up with the default cash per developer would
  // overflow it near 922,000 developers. Refuse such a scenario naming the field and the most
  // it may be, before a run starts rather than in the middle of opening its accounts.
  private static void refuseUnfundablePopulation(
      String name, MarketSettings market, List<DeveloperType> developers) {
    long people = 0;
    for (DeveloperType t : developers) {
      people += t.count();
    }
    String where = name == null ? "scenario" : name;
    if (people > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          where
              + ": developers[].count must sum to at most "
              + Integer.MAX_VALUE
              + " developers, got "
              + people);
    }
    if (market != null && people > 0 && market.cashCents() > Long.MAX_VALUE / people) {
      throw new IllegalArgumentException(
          where
              + ": market.cashCents "
              + market.cashCents()
              + " for each of "
              + people
              + " developers totals more than the ledger holds (it counts all cash ever deposited"
              + " in 64 bits, at most "
              + Long.MAX_VALUE
              + " cents); with "
              + people
              + " developers market.cashCents must be at most "
              + Long.MAX_VALUE / people);
    }
  }

  /** A scenario whose demand never moves. */
  public Scenario(
      String name,
      String description,
      long seed,
      int periods,
      String programYaml,
      ProgramTerms program,
      MarketSettings market,
      List<DeveloperType> developers) {
    this(
        name,
        description,
        seed,
        periods,
        programYaml,
        program,
        market,
        developers,
        DemandShocks.NONE);
  }

  /** A scenario without damage of compute. */
  public Scenario(
      String name,
      String description,
      long seed,
      int periods,
      String programYaml,
      ProgramTerms program,
      MarketSettings market,
      List<DeveloperType> developers,
      DemandShocks demand) {
    this(
        name,
        description,
        seed,
        periods,
        programYaml,
        program,
        market,
        developers,
        demand,
        ComputeDamage.NONE);
  }

  /** The same scenario with another seed (replications, {@code --seed}). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        name,
        description,
        newSeed,
        periods,
        programYaml,
        program,
        market,
        developers,
        demand,
        damage);
  }

  /** Total number of developers after expanding every type's count. */
  public int developerCount() {
    int n = 0;
    for (DeveloperType t : developers) {
      n += t.count();
    }
    return n;
  }
}
