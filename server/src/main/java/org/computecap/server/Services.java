package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.computecap.engine.journal.Checkpoint;

/**
 * What the feature handlers share: the writer, the read model, JSON, the clock, the latest signed
 * checkpoint of the journal's head, how many later period closes a period's public report waits for
 * ({@link PublicReportApi}), and the browser sessions of persons (issue 16, {@link Sessions}).
 */
record Services(
    Sequencer sequencer,
    ReadModel model,
    ObjectMapper json,
    Clock clock,
    Supplier<Optional<Checkpoint>> checkpoint,
    int publicReportDelayPeriods,
    Sessions sessions) {
  /** Without browser sessions' own options: the defaults (issue 16). */
  Services(
      Sequencer sequencer,
      ReadModel model,
      ObjectMapper json,
      Clock clock,
      Supplier<Optional<Checkpoint>> checkpoint,
      int publicReportDelayPeriods) {
    this(
        sequencer,
        model,
        json,
        clock,
        checkpoint,
        publicReportDelayPeriods,
        new Sessions(clock, SignInOptions.DEFAULT));
  }
}
