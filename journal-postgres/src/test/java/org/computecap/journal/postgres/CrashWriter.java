package org.computecap.journal.postgres;

import java.io.PrintStream;
import java.util.SplittableRandom;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;

/**
 * The child process of {@link PostgresCrashTest}: writes bursts of workload commands to the journal
 * table as a server would, and after each flush acknowledges the batch on stdout with {@code ACK
 * seq stateHash}, exactly when a server would release the batch's responses. It runs until it is
 * killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    String url = args[0];
    PrintStream out = System.out;
    SplittableRandom burst = new SplittableRandom(5);
    Workload w = new Workload(23);
    try (PostgresJournal journal = PostgresJournal.open(url)) {
      JournaledEngine je =
          new JournaledEngine(
              new Engine(ProgramParser.standard()), journal, CommandCodec.standard());
      out.println("OPEN");
      out.flush();
      for (int batch = 0; batch < 1_000_000; batch++) {
        int n = 1 + burst.nextInt(40);
        for (int i = 0; i < n; i++) {
          je.submit(w.tick(), w.next());
        }
        je.flush();
        out.println("ACK " + journal.size() + " " + Replay.hex(je.engine().stateHash()));
        out.flush();
      }
    }
  }
}
