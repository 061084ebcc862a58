package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;

import java.util.List;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.ReturnCollateral;

/**
 * Collateral over HTTP (issue 17): a participant posts the program's collateral (cash or permits,
 * as the program's {@code enforcement.collateral} says) into the collateral hold, and a regulator
 * gives it back once the participant owes nothing. Forfeiture needs no route: an audit finding of
 * an under-report forfeits it. Both answer with the engine's events ({@code CollateralPosted},
 * {@code CollateralReturned}) or its rejection ({@code COLLATERAL_NOT_REQUIRED}, {@code
 * COLLATERAL_ALREADY_POSTED}, {@code NO_COLLATERAL_POSTED}, {@code OBLIGATIONS_OUTSTANDING}, ...).
 */
final class CollateralApi {
  private static final String TAG = "compliance";

  static final CommandRoute<PostCollateral> POST =
      CommandRoute.of(
              PostCollateral.class,
              "POST",
              "/api/accounts/{accountId}/collateral",
              Access.ACTOR,
              "postCollateral",
              TAG)
          .summary("Post the program's collateral (cash or permits) into the collateral hold")
          .path(ACCOUNT, PostCollateral::accountId)
          .actor(ACCOUNT, PostCollateral::accountId)
          .build(v -> new PostCollateral(v.get(ACCOUNT)));

  static final CommandRoute<ReturnCollateral> RETURN =
      CommandRoute.of(
              ReturnCollateral.class,
              "POST",
              "/api/accounts/{accountId}/collateral-return",
              Access.REGULATOR,
              "returnCollateral",
              TAG)
          .summary("Give a participant that owes nothing its collateral back")
          .path(ACCOUNT, ReturnCollateral::accountId)
          .build(v -> new ReturnCollateral(v.get(ACCOUNT)));

  static final List<CommandRoute<?>> COMMANDS = List.of(POST, RETURN);

  private final Services s;

  CollateralApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    List<Route> r = CommandRoute.routes(COMMANDS, s);
    return r;
  }
}
