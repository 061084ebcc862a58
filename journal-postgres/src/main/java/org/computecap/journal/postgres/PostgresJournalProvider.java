package org.computecap.journal.postgres;

import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalProvider;

/**
 * Lets {@code computecap serve --journal-url jdbc:postgresql://...} keep its journal in PostgreSQL.
 * Registered for {@link java.util.ServiceLoader} in {@code
 * META-INF/services/org.computecap.engine.journal.JournalProvider}, so the server needs no
 * compile-time knowledge of this module. {@link PostgresJournal#open} already meets the seam's
 * contract: verified chain, positioned after the last durable entry, a broken chain refused with an
 * {@link IllegalStateException} naming the first bad entry, durable {@code flush()}.
 */
public final class PostgresJournalProvider implements JournalProvider {
  @Override
  public boolean accepts(String url) {
    return url != null && url.startsWith(PostgresJournal.URL_PREFIX);
  }

  @Override
  public Journal open(String url) {
    return PostgresJournal.open(url);
  }
}
