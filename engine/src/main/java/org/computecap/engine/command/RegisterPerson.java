package org.computecap.engine.command;

/**
 * Registers a natural person who may represent accounts, with a caller-chosen positive id; {@code
 * senior} marks a senior regulator (reversals need two). {@code registeredBy} is a regulator
 * principal (an account of role REGULATOR, or 0 for the market regulator).
 */
public record RegisterPerson(long personId, String name, boolean senior, long registeredBy)
    implements RepresentativeCommand {
  public RegisterPerson {
    Fields.positive("personId", personId);
    Fields.name("name", name);
    AccessFields.principal("registeredBy", registeredBy);
  }
}
