package org.computecap.sim.run;

import java.util.List;
import org.computecap.sim.scenario.LinkedScenario;

/**
 * What a linked run produced: its periods and each engine's final state hash.
 *
 * @param stateHashes the two engines' state hashes, in jurisdiction order
 */
public record LinkedResult(
    LinkedScenario scenario, List<LinkedPeriod> periods, String[] stateHashes) {

  public LinkedResult {
    periods = List.copyOf(periods);
    stateHashes = stateHashes.clone();
  }
}
