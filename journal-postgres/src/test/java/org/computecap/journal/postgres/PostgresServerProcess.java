package org.computecap.journal.postgres;

import java.nio.file.Path;
import org.computecap.server.Server;

/**
 * The child process of {@link PostgresServerCrashTest}: {@code computecap serve} with its journal
 * in PostgreSQL ({@code --journal-url}), on a free loopback port, printing the port it serves on.
 * The regulator token comes from {@code COMPUTECAP_REGULATOR_TOKEN}.
 */
public final class PostgresServerProcess {
  private PostgresServerProcess() {}

  /** Arguments: journal URL, data directory (checkpoints, key, read model), program file. */
  public static void main(String[] args) {
    Server.start(
        new Server.Options(Path.of(args[1]), args[0], Path.of(args[2]), 7, "127.0.0.1", 0)
            .withRegulatorToken(System.getenv("COMPUTECAP_REGULATOR_TOKEN")),
        System.out,
        e -> Runtime.getRuntime().halt(3));
  }
}
