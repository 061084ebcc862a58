package org.computecap.journal.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.computecap.engine.journal.AnchorCheck;
import org.computecap.engine.journal.HeadAnchor;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.flywaydb.core.Flyway;

/**
 * The engine's journal in PostgreSQL: one row per entry in the append-only table {@code
 * computecap_journal}, carrying the same hash chain as the file journal (each entry is built by the
 * engine's {@link JournalEntry#next}), so a table and a file holding the same commands have the
 * same head hash.
 *
 * <p>Group commit, as in the file journal: {@link #append} only hashes and buffers, and {@link
 * #flush} inserts the batch with one JDBC batch in one transaction and commits it; with {@code
 * synchronous_commit} never {@code off} (raised on every connection) the commit returns only once
 * the batch is durable in the WAL. A caller releases a batch's results only after its flush. A long
 * batch is written ahead in the same open transaction, so nothing is visible or durable before the
 * flush commits it.
 *
 * <p>One writer: the journal keeps one connection for its whole life and holds a PostgreSQL
 * advisory lock on it, so a second process opening the same table is refused instead of forking the
 * chain; the primary key on {@code seq} refuses a fork even without it. Any database error while
 * writing is fail-stop: the journal refuses all further work and the process must restart from the
 * table, as with a failed fsync. Single-threaded, like the engine it serves.
 */
public final class PostgresJournal implements Journal {
  /** The URL prefix this journal accepts. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  private static final String MIGRATIONS = "classpath:org/computecap/journal/postgres/migration";
  private static final String HISTORY_TABLE = "computecap_schema_history";

  /** Entries or bytes buffered before a long batch is written ahead inside its transaction. */
  private static final int SPILL_ENTRIES = 4_096;

  private static final long SPILL_BYTES = 4L << 20;

  /**
   * Run on every connection: a commit must not return before its WAL is flushed, so a server or
   * database default of {@code synchronous_commit = off} is raised to {@code on}; any other setting
   * already flushes locally and is the operator's choice for standbys, so it is kept.
   */
  private static final String DURABLE_COMMITS =
      "SELECT set_config('synchronous_commit',"
          + " CASE current_setting('synchronous_commit') WHEN 'off' THEN 'on'"
          + " ELSE current_setting('synchronous_commit') END, false)";

  /** How long opening waits for the writer lock; see {@link #lockForWriting}. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  /** The advisory lock's first key ("CCJR"); the second is the table's oid. */
  private static final int LOCK_CLASS = 0x43434a52;

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final HikariDataSource pool;
  private final Connection writer;
  private final java.security.MessageDigest sha256 = JournalEntry.sha256();
  private final List<JournalEntry> pending = new ArrayList<>();
  private long pendingBytes;
  private boolean transactionOpen;
  private long size;
  private byte[] head;
  private long commits;
  private volatile long durable;
  private String failure;

  private PostgresJournal(HikariDataSource pool, Connection writer, long size, byte[] head) {
    this.pool = pool;
    this.writer = writer;
    this.size = size;
    this.head = head;
    this.durable = size;
  }

  /**
   * Opens the journal at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?user=..}), creating
   * the table on first use. The table is verified first; a damaged chain is refused with the verify
   * message, as for a damaged journal file.
   */
  public static PostgresJournal open(String jdbcUrl) {
    return open(jdbcUrl, LOCK_WAIT);
  }

  /** {@link #open(String)}, waiting at most {@code lockWait} for another writer to go. */
  static PostgresJournal open(String jdbcUrl, Duration lockWait) {
    HikariDataSource pool = pool(jdbcUrl);
    try {
      return open(pool, lockWait);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static PostgresJournal open(HikariDataSource pool, Duration lockWait) {
    migrate(pool);
    Connection writer = null;
    try {
      writer = pool.getConnection();
      lockForWriting(writer, lockWait);
      TableVerification v = JournalTable.read(writer, e -> {});
      if (!v.intact()) {
        throw new IllegalStateException("cannot append to a damaged journal: " + v.summary());
      }
      writer.setAutoCommit(false);
      return new PostgresJournal(pool, writer, v.entries(), v.headHash());
    } catch (SQLException e) {
      closeQuietly(writer);
      throw new IllegalStateException("cannot open the journal table: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(writer);
      throw e;
    }
  }

  /** Verifies the journal table at {@code jdbcUrl} without opening it for writing. */
  public static TableVerification verify(String jdbcUrl) {
    return verify(jdbcUrl, List.of());
  }

  /**
   * Verifies the journal table at {@code jdbcUrl}, and that it agrees with {@code anchors} (head
   * hashes kept elsewhere), without writing anything: a database without the table is refused
   * rather than given one.
   */
  public static TableVerification verify(String jdbcUrl, List<HeadAnchor> anchors) {
    try (HikariDataSource pool = pool(jdbcUrl);
        Connection c = pool.getConnection()) {
      requireTable(c, jdbcUrl);
      return JournalTable.read(c, e -> {}, new AnchorCheck(anchors));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal table: " + e.getMessage(), e);
    }
  }

  private static void requireTable(Connection c, String jdbcUrl) throws SQLException {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT to_regclass('computecap_journal')")) {
      rs.next();
      if (rs.getString(1) == null) {
        throw new IllegalStateException(
            "there is no journal table computecap_journal at " + JdbcUrls.redact(jdbcUrl));
      }
    }
  }

  @Override
  public JournalEntry append(long tick, byte[] command) {
    checkUsable();
    JournalEntry e = JournalEntry.next(size + 1, tick, head, command, sha256);
    pending.add(e);
    pendingBytes += command.length;
    size++;
    head = e.hash();
    if (pending.size() >= SPILL_ENTRIES || pendingBytes >= SPILL_BYTES) {
      writePending();
    }
    return e;
  }

  /** Inserts the batch and commits it: one transaction, one WAL sync, however many entries. */
  @Override
  public void flush() {
    checkUsable();
    if (pending.isEmpty() && !transactionOpen) {
      return;
    }
    writePending();
    try {
      writer.commit();
      transactionOpen = false;
      commits++;
      durable = size;
    } catch (SQLException e) {
      throw fail("commit", e);
    }
  }

  @Override
  public long size() {
    return size;
  }

  /** The entries committed: a flush (and so a commit, which is one here) returns when durable. */
  @Override
  public long durableSize() {
    return durable;
  }

  @Override
  public byte[] headHash() {
    return head.clone();
  }

  /** Reads the entries back from the table (flushing first); throws if the chain is damaged. */
  @Override
  public void forEach(Consumer<JournalEntry> visitor) {
    flush();
    TableVerification v = read(pool, visitor);
    if (!v.intact()) {
      throw new IllegalStateException(v.summary());
    }
  }

  /** Reads the whole table back and checks the chain (flushing first). */
  public TableVerification verify() {
    flush();
    return read(pool, e -> {});
  }

  /** The writer connection's {@code synchronous_commit}, for tests. */
  String synchronousCommit() {
    try (Statement st = writer.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read synchronous_commit: " + e.getMessage(), e);
    }
  }

  /** How many batches this journal has committed (one per non-empty {@link #flush()}). */
  public long commits() {
    return commits;
  }

  @Override
  public void close() {
    try {
      if (failure == null) {
        flush();
      }
    } finally {
      closeQuietly(writer);
      pool.close();
    }
  }

  private void writePending() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      JournalTable.insert(writer, pending);
      transactionOpen = true;
      pending.clear();
      pendingBytes = 0;
    } catch (SQLException e) {
      throw fail("insert", e);
    }
  }

  private void checkUsable() {
    if (failure != null) {
      throw new IllegalStateException(
          "the journal failed earlier (" + failure + "); restart from the journal table");
    }
  }

  /** Fail-stop: after a write error nothing about the table's tail is known any more. */
  private IllegalStateException fail(String what, SQLException e) {
    String reason =
        "23505".equals(e.getSQLState())
            ? "another writer appended to the journal table (seq already taken)"
            : e.getMessage();
    failure = what + " failed: " + reason;
    try {
      writer.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the failure above is what matters.
    }
    return new IllegalStateException(
        "journal " + failure + "; the process must stop and restart from the journal table", e);
  }

  private static TableVerification read(DataSource ds, Consumer<JournalEntry> visitor) {
    try (Connection c = ds.getConnection()) {
      return JournalTable.read(c, visitor);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal table: " + e.getMessage(), e);
    }
  }

  /**
   * Takes the session advisory lock keyed by the table, held as long as the writer connection. It
   * waits up to {@code lockWait} because a restarted server may arrive before PostgreSQL has
   * noticed that its killed predecessor's connection is gone.
   */
  private static void lockForWriting(Connection c, Duration lockWait) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET lock_timeout = " + Math.max(1, lockWait.toMillis()));
      s.execute(
          "SELECT pg_advisory_lock(" + LOCK_CLASS + ", 'computecap_journal'::regclass::oid::int)");
      s.execute("RESET lock_timeout");
    } catch (SQLException e) {
      if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        throw new IllegalStateException(
            "the journal table is open for writing by another"
                + " process (its advisory lock is held after waiting "
                + lockWait.toMillis()
                + " ms); one server per journal",
            e);
      }
      throw e;
    }
  }

  private static void migrate(DataSource ds) {
    try {
      Flyway.configure().dataSource(ds).locations(MIGRATIONS).table(HISTORY_TABLE).load().migrate();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot create or upgrade the journal table: " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException(
          "journalUrl must start with "
              + URL_PREFIX
              + " (e.g. jdbc:postgresql://localhost:5432/computecap?user=cc), got "
              + JdbcUrls.redact(jdbcUrl));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("computecap-journal");
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setConnectionInitSql(DURABLE_COMMITS);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "computecap");
    // The writer connection is held for the journal's life; keepalives stop an idle firewall
    // from dropping it silently between quiet periods.
    config.addDataSourceProperty("tcpKeepAlive", "true");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to the journal database "
              + JdbcUrls.redact(jdbcUrl)
              + ": "
              + rootMessage(e),
          e);
    }
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing a broken connection can fail; the pool discards it either way.
    }
  }
}
