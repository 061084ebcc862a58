package org.computecap.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.HeadAnchor;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournalProvider;

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

  /** The checkpoints file of the file journal, next to it. */
  public static final String CHECKPOINTS_FILE_NAME = FILE_NAME + ".checkpoints";

  /** The checkpoints file of a journal kept at a {@code --journal-url}, in the data directory. */
  public static final String URL_CHECKPOINTS_FILE_NAME = "journal-url.checkpoints";

  /** Where the checkpoints of the journal chosen by {@code journalUrl} (null: the file) live. */
  public static Path checkpointsFile(Path dataDir, String journalUrl) {
    return dataDir.resolve(journalUrl == null ? CHECKPOINTS_FILE_NAME : URL_CHECKPOINTS_FILE_NAME);
  }

  /** Opens the file journal in {@code dataDir} (creating both when absent). */
  public static Journal openFile(Path dataDir) {
    return openFile(dataDir, List.of());
  }

  /**
   * Opens the file journal in {@code dataDir}, creating both when absent (the directory with mode
   * 0700, the journal 0600). The journal must agree with {@code anchors} (the last checkpoint): a
   * torn tail is moved aside only when it held nothing a checkpoint vouched for, and a missing
   * journal file with checkpoints beside it is refused rather than silently started anew.
   */
  public static Journal openFile(Path dataDir, List<HeadAnchor> anchors) {
    return openFile(dataDir, anchors, e -> {});
  }

  /**
   * {@link #openFile(Path, List)}, passing every entry to {@code visitor} as the verifying pass
   * reads it (the server's replay reads the file once); see {@link FileJournal#open(Path, List,
   * Consumer)}.
   */
  public static Journal openFile(
      Path dataDir, List<HeadAnchor> anchors, Consumer<JournalEntry> visitor) {
    createPrivateDirectory(dataDir);
    Path path = dataDir.resolve(FILE_NAME);
    if (!Files.exists(path)) {
      if (!anchors.isEmpty()) {
        throw new JournalDamagedException(
            "the journal file "
                + path
                + " is missing, but "
                + anchors.get(0).source()
                + " says it held seq "
                + anchors.get(0).seq()
                + "; restore the journal, or move the checkpoints file away to start a new market");
      }
      return FileJournal.create(path);
    }
    try {
      return FileJournal.open(path, anchors, visitor);
    } catch (IllegalStateException e) {
      throw new JournalDamagedException(path + ": " + e.getMessage());
    }
  }

  /**
   * Creates the data directory readable by its owner only: it holds the market's whole history (or
   * the checkpoints of a journal kept elsewhere), the server key and the token hashes. An existing
   * directory is left as the operator set it.
   */
  public static void createPrivateDirectory(Path dataDir) {
    if (Files.isDirectory(dataDir)) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
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
