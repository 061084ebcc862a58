package org.computecap.sim.scenario;

import java.util.List;

/**
 * A simulation to run: the regulator's program (its YAML text goes to the engine unchanged in
 * {@code OpenMarket}), the population of developer types, the market settings and the seed.
 * Everything a run does follows from this record, so the same scenario and seed always give the
 * same journal and state hash.
 *
 * @param periods how many periods to simulate, at most the program's period count
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int periods,
    String programYaml,
    ProgramTerms program,
    MarketSettings market,
    List<DeveloperType> developers) {

  public Scenario {
    developers = List.copyOf(developers);
  }

  /** The same scenario with another seed (replications, {@code --seed}). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        name, description, newSeed, periods, programYaml, program, market, developers);
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
