package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.computecap.engine.journal.Checkpoint;

/**
 * What the feature handlers share: the writer, the read model, JSON, the clock, the latest signed
 * checkpoint of the journal's head, and how many later period closes a period's public report waits
 * for ({@link PublicReportApi}).
 */
record Services(
    Sequencer sequencer,
    ReadModel model,
    ObjectMapper json,
    Clock clock,
    Supplier<Optional<Checkpoint>> checkpoint,
    int publicReportDelayPeriods) {}
