package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;

/** What the feature handlers share: the writer, the read model, JSON, the clock. */
record Services(Sequencer sequencer, ReadModel model, ObjectMapper json, Clock clock) {}
