package org.computecap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Turns program YAML into {@link ProgramRules}, or throws {@link IllegalArgumentException} naming
 * the bad field and its allowed range. The engine takes a parser instead of parsing itself so that
 * core does not depend on the rules feature; the rules feature registers its parser under {@code
 * META-INF/services/org.computecap.engine.ProgramParser}, and adapters (CLI, server, simulator) use
 * {@link #standard()}.
 */
@FunctionalInterface
public interface ProgramParser {
  ProgramRules parse(String programYaml);

  /**
   * The one parser registered on the class path. Throws {@link IllegalStateException} when there is
   * none or more than one, because silently picking one would make replay depend on the class
   * path's order.
   */
  static ProgramParser standard() {
    List<ProgramParser> found = new ArrayList<>();
    ServiceLoader.load(ProgramParser.class).forEach(found::add);
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected exactly one ProgramParser registered in "
              + "META-INF/services/org.computecap.engine.ProgramParser, found "
              + found.size());
    }
    return found.get(0);
  }
}
