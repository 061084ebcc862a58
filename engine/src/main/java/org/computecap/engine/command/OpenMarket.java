package org.computecap.engine.command;

/**
 * The genesis command: opens the market under a program (§2) given as its YAML text, with the seed
 * of every random draw the engine will ever make (the audit lottery). Both live in the journal, so
 * replaying a journal needs no file from outside it.
 */
public record OpenMarket(String programYaml, long seed) implements MarketCommand {
  public OpenMarket {
    if (programYaml == null || programYaml.isBlank()) {
      throw new InvalidFieldException(
          "programYaml", "programYaml must be a non-blank YAML document");
    }
  }
}
