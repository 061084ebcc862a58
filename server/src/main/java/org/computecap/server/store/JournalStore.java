package org.computecap.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.JournalProvider;
import org.computecap.engine.journal.Verification;

/**
 * Chooses where the server's journal lives: the engine's {@link FileJournal} in the data directory
 * by default, or a {@link JournalProvider} found on the class path for a {@code --journal-url}.
 * Either way the chain is verified before the server uses it; a damaged journal is refused with a
 * {@link JournalDamagedException} naming the first bad entry, because a server that started on a
 * broken chain would serve a history nobody can check.
 */
public final class JournalStore {
  /** The journal's file name inside the data directory. */
  public static final String FILE_NAME = "journal.ccj";

  private JournalStore() {}

  /** Opens the file journal in {@code dataDir} (creating both when absent). */
  public static Journal openFile(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    Path path = dataDir.resolve(FILE_NAME);
    if (!Files.exists(path)) {
      return FileJournal.create(path);
    }
    Verification v = JournalFile.verify(path);
    if (!v.intact() && v.problem() != Verification.Problem.TRUNCATED) {
      throw new JournalDamagedException(path + ": " + v.summary());
    }
    // A torn last record (a crash in the middle of a write) was never acknowledged: cut it off.
    return FileJournal.open(path);
  }

  /** Opens the journal at {@code url} through the first provider that accepts it. */
  public static Journal openUrl(String url) {
    List<String> names = new ArrayList<>();
    for (JournalProvider p : ServiceLoader.load(JournalProvider.class)) {
      names.add(p.getClass().getName());
      if (p.accepts(url)) {
        try {
          return p.open(url);
        } catch (IllegalStateException e) {
          throw new JournalDamagedException(e.getMessage());
        }
      }
    }
    throw new IllegalArgumentException(
        "journal-url: no journal provider accepts "
            + url
            + (names.isEmpty()
                ? " (none is on the class path; the PostgreSQL journal needs the "
                    + "computecap-journal-postgres module)"
                : " (providers: " + names + ")"));
  }

  /** A journal whose hash chain does not verify; the server must not start on it. */
  public static final class JournalDamagedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalDamagedException(String message) {
      super(message);
    }
  }
}
