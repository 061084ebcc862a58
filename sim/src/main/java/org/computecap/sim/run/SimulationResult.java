package org.computecap.sim.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced: the seed, the engine's final state hash (which replaying the journal
 * must reproduce), the program's key terms for people (in display order), and the rows behind every
 * output file (trades and developer-periods are empty when the run streamed them to files; the
 * class-periods, a row per size class and period, are always kept).
 */
public record SimulationResult(
    String scenario,
    String description,
    long seed,
    String stateHash,
    long journalEntries,
    Map<String, String> program,
    List<PeriodResult> periods,
    List<TradeRow> trades,
    List<DeveloperRow> developers,
    List<DeveloperPeriodRow> developerPeriods,
    List<ClassPeriodRow> classPeriods) {

  public SimulationResult {
    program = Collections.unmodifiableMap(new LinkedHashMap<>(program));
    periods = List.copyOf(periods);
    trades = List.copyOf(trades);
    developers = List.copyOf(developers);
    developerPeriods = List.copyOf(developerPeriods);
    classPeriods = List.copyOf(classPeriods);
  }
}
