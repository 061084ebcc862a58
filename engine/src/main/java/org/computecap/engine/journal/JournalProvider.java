package org.computecap.engine.journal;

/**
 * A journal kept somewhere other than the default file, chosen by the URL given to {@code
 * computecap serve --journal-url}. Implementations are found with {@link java.util.ServiceLoader}
 * (a line in {@code META-INF/services/org.computecap.engine.journal.JournalProvider}), so the
 * server has no compile-time dependency on any database driver, and a journal module needs only the
 * engine: the PostgreSQL journal lives in its own module, depends on the engine alone, and
 * registers a provider that accepts {@code jdbc:postgresql:} URLs.
 *
 * <p>Contract: {@link #open} returns a journal positioned after its last durable entry, whose chain
 * has been verified; if the chain is broken it throws {@link IllegalStateException} whose message
 * names the first bad entry, and the server refuses to start with that message. An empty (new)
 * journal has {@code size() == 0}; the server then appends the genesis {@code OpenMarket}. The
 * journal is used by one thread only (the server's writer thread), and {@code flush()} must make
 * every appended entry durable before it returns (group commit).
 */
public interface JournalProvider {
  /** Whether this provider handles {@code url}, e.g. one starting with "jdbc:postgresql:". */
  boolean accepts(String url);

  /** Opens (creating when absent) the journal at {@code url}; see the class comment. */
  Journal open(String url);
}
