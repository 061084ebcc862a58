package org.computecap.engine.lifecycle;

import org.computecap.engine.Event;
import org.computecap.engine.program.AccountStatus;

/** A regulator changed an account's lifecycle status, for the reason given (issue 15). */
public record AccountStatusChanged(
    long accountId, AccountStatus from, AccountStatus to, String reason) implements Event {}
