package org.computecap.engine;

/**
 * The few numbers of a program (§2) that core needs: when the program starts, the cap of each
 * period and whether banking is on. The rules feature parses the program YAML into a class that
 * implements this interface and carries everything else (allocation, auctions, penalties...); other
 * features reach that class with {@link EngineState#program(Class)}.
 *
 * <p>Implementations are immutable and deterministic: the same YAML always gives the same answers,
 * because replay parses the program again from the journal.
 */
public interface ProgramRules {
  /** The number of the first compliance period (and vintage), >= 0, e.g. 2026 or 1. */
  int firstPeriod();

  /** The cap of {@code period} in permits, >= 0; defined for every period >= firstPeriod. */
  long capPermits(int period);

  /** Whether unsurrendered permits carry over to later periods (§7.6). */
  boolean bankingEnabled();
}
