package org.computecap.server;

import java.nio.file.Path;
import org.computecap.server.store.JournalStore;

/**
 * A plain entry point for the server, without picocli: the crash test starts it as a separate JVM
 * ({@code java -cp ... org.computecap.server.ServerMain --data DIR --port 0 --program F
 * [--journal-url URL]}), and kills it. {@code computecap serve} is the command for people.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) {
    Path data = Path.of("data");
    Path program = Path.of("examples/programs/p2-risk-weighted.yaml");
    int port = 7070;
    String journalUrl = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--program" -> program = Path.of(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--journal-url" -> journalUrl = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try {
      Server.start(
          new Server.Options(data, journalUrl, program, 1, "127.0.0.1", port)
              .withRegulatorToken(System.getenv("COMPUTECAP_REGULATOR_TOKEN")),
          System.out,
          e -> Runtime.getRuntime().halt(3));
    } catch (JournalStore.JournalDamagedException e) {
      System.err.println("refusing to start: " + e.getMessage());
      System.exit(1);
    }
  }
}
