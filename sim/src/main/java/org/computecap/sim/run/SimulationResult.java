package org.computecap.sim.run;

import java.util.List;

/**
 * Everything one run produced: the seed, the engine's final state hash (which replaying the
 * journal must reproduce), and the rows behind every output file.
 */
public record SimulationResult(
        String scenario,
        String description,
        long seed,
        String stateHash,
        long journalEntries,
        List<PeriodResult> periods,
        List<TradeRow> trades,
        List<DeveloperRow> developers) {

    public SimulationResult {
        periods = List.copyOf(periods);
        trades = List.copyOf(trades);
        developers = List.copyOf(developers);
    }
}
