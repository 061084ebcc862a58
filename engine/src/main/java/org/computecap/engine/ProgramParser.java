package org.computecap.engine;

import org.computecap.engine.program.Program;
import org.computecap.engine.program.ProgramLoader;

/**
 * Turns {@code OpenMarket}'s program YAML into the one {@link Program} every feature reads, or
 * throws {@link IllegalArgumentException} naming the bad field and its allowed range. Replay parses
 * the journaled text again, so a parser must be deterministic. {@link #standard()} is the program
 * loader, wired here by name: the engine has one program format and no plug-ins.
 */
@FunctionalInterface
public interface ProgramParser {
  Program parse(String programYaml);

  /** The program loader ({@link ProgramLoader#parse}); error messages start with "program: ". */
  static ProgramParser standard() {
    return yaml -> ProgramLoader.parse("program", yaml);
  }
}
