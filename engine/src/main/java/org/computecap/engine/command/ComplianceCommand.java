package org.computecap.engine.command;

/**
 * Commands of the compliance cycle (§7); owned by the rules feature. It stays {@code non-sealed} only
 * until its owner adds its records: the owner then makes it {@code sealed} with a
 * {@code permits} list, which the codec and dispatch totality tests rely on.
 */
public non-sealed interface ComplianceCommand extends Command {
}
