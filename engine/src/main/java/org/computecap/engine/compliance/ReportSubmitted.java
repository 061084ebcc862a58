package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.Workload;

/** A participant's self-report for a period and workload was recorded. */
public record ReportSubmitted(long accountId, int period, Workload workload, long quantity)
    implements Event {}
