package org.computecap.engine.program;

import org.computecap.engine.ProgramParser;
import org.computecap.engine.ProgramRules;

/**
 * The engine's program parser, registered in {@code META-INF/services} so that {@link
 * ProgramParser#standard()} finds it: {@code OpenMarket}'s YAML becomes a validated {@link
 * Program}, which features read with {@link Program#of}.
 */
public final class YamlProgramParser implements ProgramParser {
  @Override
  public ProgramRules parse(String programYaml) {
    return ProgramLoader.parse("program", programYaml);
  }
}
