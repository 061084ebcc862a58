package org.computecap.server.store;

import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalProvider;

/** A provider for "memory:" URLs, registered in the test resources to exercise the seam. */
public final class MemoryJournalProvider implements JournalProvider {
  @Override
  public boolean accepts(String url) {
    return url.startsWith("memory:");
  }

  @Override
  public Journal open(String url) {
    return new InMemoryJournal();
  }
}
