package org.computecap.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.command.Command;

/**
 * The HTTP request that carries an engine command, and whose token must send it: the client side of
 * the one command mapping ({@link CommandRoute}), for agents that hold commands (the simulator's)
 * and want the server to apply them. {@code OpenMarket} has no request (the server writes the
 * genesis itself), nor have the access commands that carry secrets the server makes.
 */
public final class CommandRequests {
  /** The actor of the regulator's commands. */
  public static final long REGULATOR = 0;

  /** The actor is the owner of the resource acted on, which the caller must look up. */
  public static final long UNKNOWN = -1;

  private static final Map<Class<?>, CommandRoute<?>> ROUTES = new HashMap<>();

  static {
    for (List<CommandRoute<?>> feature :
        List.of(
            AccountApi.COMMANDS,
            RegistryApi.COMMANDS,
            ExchangeApi.COMMANDS,
            AllocationApi.COMMANDS,
            AuctionApi.COMMANDS,
            PriceControlApi.COMMANDS,
            ComplianceApi.COMMANDS,
            AccessApi.COMMANDS,
            LifecycleApi.COMMANDS,
            RepresentativesApi.COMMANDS,
            MeteringApi.COMMANDS,
            CollateralApi.COMMANDS)) {
      for (CommandRoute<?> r : feature) {
        if (ROUTES.put(r.type, r) != null) {
          throw new AssertionError("two routes for " + r.type.getSimpleName());
        }
      }
    }
  }

  private CommandRequests() {}

  /**
   * A request: method, path, JSON body (null: none) and the account whose token sends it ({@link
   * #REGULATOR}: the regulator's; {@link #UNKNOWN}: the owner of what it acts on).
   */
  public record Request(String method, String path, Map<String, Object> body, long actor) {}

  /** The request for {@code c}; IllegalArgumentException for a command without one. */
  public static Request of(Command c) {
    CommandRoute<?> r = ROUTES.get(c.getClass());
    if (r == null) {
      throw new IllegalArgumentException(
          "command "
              + c.getClass().getSimpleName()
              + " has no HTTP request (OpenMarket is the server's own genesis; tokens and "
              + "enrolment codes are made by the server)");
    }
    return r.request(c);
  }

  /** Every command route, for the tests that check the mapping both ways. */
  static Iterable<CommandRoute<?>> all() {
    return ROUTES.values();
  }
}
