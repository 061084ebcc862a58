package org.computecap.engine.command;

/**
 * A command initiated by a person: the journal records who acted, and the engine checks that the
 * person may initiate for the account the command acts on (or for the regulator), then executes it
 * at once or, where four-eyes or a trusted-list delay applies, keeps it as a pending transaction.
 * Any command but the market's, the access and the representative commands may be wrapped (and
 * {@link AddTrustedAccount} and {@link RemoveTrustedAccount}, which only a person initiates).
 */
public record Initiate(long personId, Command command) implements RepresentativeCommand {
  public Initiate {
    Fields.positive("personId", personId);
    Fields.required("command", command);
    if (!wraps(command)) {
      throw new InvalidFieldException(
          "command",
          "command must be an account command or a regulator action, got "
              + command.getClass().getSimpleName());
    }
  }

  /** Whether a person may initiate {@code command} (what an adapter wraps for a person). */
  public static boolean wraps(Command command) {
    return !(command instanceof MarketCommand
        || command instanceof AccessCommand
        || command instanceof RepresentativeCommand
            && !(command instanceof AddTrustedAccount || command instanceof RemoveTrustedAccount));
  }
}
