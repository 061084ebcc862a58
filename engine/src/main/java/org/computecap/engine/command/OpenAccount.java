package org.computecap.engine.command;

/** Opens an account with a caller-chosen positive id (system accounts have negative ids). */
public record OpenAccount(long accountId, String name, Role role) implements RegistryCommand {
  public OpenAccount {
    Fields.accountId("accountId", accountId);
    Fields.name("name", name);
    Fields.required("role", role);
  }
}
